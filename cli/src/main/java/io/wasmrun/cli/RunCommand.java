package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.Func;
import io.wasmrun.Instance;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.Trap;
import io.wasmrun.Val;
import io.wasmrun.Wasi;
import io.wasmrun.WasmrunException;
import io.wasmrun.wasi.Preopen;
import io.wasmrun.wasi.TcpListeners;
import io.wasmrun.wasi.WasiExitException;
import io.wasmrun.wasi.WasiOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code wasmrun run}: runs a WASI command, or calls one exported function. Declared in code
 * ({@link #spec()}), not with annotations, because it is the command start-up time matters for;
 * see {@link OptionSpecs}.
 */
final class RunCommand extends ExecutingCommand implements Callable<Integer> {
    private static final String READ_ONLY_SUFFIX = ":ro";

    final CacheOptions cache = new CacheOptions();

    static final OptionDescriptor<String> INVOKE =
            OptionDescriptor.value(
                    "--invoke",
                    "NAME",
                    String.class,
                    name -> name,
                    "Call the exported function NAME instead of `_start`; ARGS are its parameters",
                    null);

    static final OptionDescriptor<List<String>> DIR =
            OptionDescriptor.repeated(
                    "--dir",
                    "HOST[::GUEST][:ro]",
                    "Preopen host directory HOST for the guest, as GUEST (default: HOST); the guest"
                            + " cannot reach outside it. :ro makes it read-only");

    static final OptionDescriptor<List<String>> TCPLISTEN =
            OptionDescriptor.repeated(
                    "--tcplisten",
                    "HOST:PORT",
                    "Listen on a TCP socket and give it to the guest after the directories, to"
                            + " accept connections with sock_accept");

    static final OptionDescriptor<List<String>> ENV =
            OptionDescriptor.repeated(
                    "--env",
                    "NAME[=VAL]",
                    "Set an environment variable for the guest; NAME alone passes the host's value");

    static final OptionDescriptor<Duration> TIMEOUT =
            OptionDescriptor.value(
                    "--timeout",
                    "DURATION",
                    Duration.class,
                    new DurationConverter(),
                    "Interrupt the guest after DURATION (e.g. 500ms, 2s) with the trap `interrupt`",
                    null);

    static final OptionDescriptor<Boolean> STATS =
            OptionDescriptor.flag(
                    "--stats", "Print the instance allocator's counters to stderr after the run");

    /** The options of {@code run} itself, besides its option groups. */
    static final List<OptionDescriptor<?>> OPTIONS = List.of(INVOKE, DIR, TCPLISTEN, ENV, TIMEOUT, STATS);

    private final OptionValues values = new OptionValues();
    Path module;
    List<String> args = new ArrayList<>();

    @Override
    public List<OptionGroup> optionGroups() {
        return List.of(common, engine, allocator, cache);
    }

    /** The command's picocli model, bound to this object. */
    CommandSpec spec() {
        CommandSpec spec = OptionSpecs.command("run", this);
        spec.usageMessage()
                .header("Run a WASI command or call an exported function.")
                .description(
                        "Runs a WebAssembly module: calls the WASI command entry point `_start` with",
                        "ARGS as argv, or with --invoke calls one exported function with ARGS as its",
                        "parameters and prints its results, one per line.",
                        "",
                        "wasmrun's options go before MODULE. After the MODULE of a WASI command every",
                        "token is the guest's (its -V, --help, --dir too), except --invoke NAME. With",
                        "--invoke (before or after MODULE) the tokens after MODULE are the function's",
                        "arguments (negative numbers need no `--`) and wasmrun's options. `--` hands",
                        "everything after it to the guest unchanged.",
                        "",
                        "A v128 argument is one token: a shape and its lanes, \"i32x4 1 2 3 4\", or one",
                        "128-bit integer with lane 0 in the lowest bits, 0x00000004000000030000000200000001",
                        "(the same value). A v128 result prints as wasmtime prints it: that integer in decimal.",
                        "")
                .footer(
                        "",
                        "Examples:",
                        "  wasmrun hello.wasm",
                        "  wasmrun --invoke fib fib.wasm 20",
                        "  wasmrun fib.wasm --invoke fib 20",
                        "  wasmrun fib.wasm --invoke divmod -7 2",
                        "  wasmrun simd.wasm --invoke dot \"i32x4 1 2 3 4\" \"f32x4 1.5 nan inf -0\"",
                        "  wasmrun --dir .::/data --env NAME=world app.wasm --flag-for-the-guest");
        values.addTo(spec, OPTIONS);
        spec.addPositional(
                OptionSpecs.bound(
                                PositionalParamSpec.builder()
                                        .index("0")
                                        .paramLabel("MODULE")
                                        .type(Path.class)
                                        .converters(OptionSpecs.PATH),
                                () -> module,
                                v -> module = v)
                        .description("The module to run (.wasm).")
                        .build());
        spec.addPositional(
                OptionSpecs.bound(
                                PositionalParamSpec.builder()
                                        .index("1..*")
                                        .paramLabel("ARGS")
                                        .type(List.class)
                                        .auxiliaryTypes(String.class),
                                () -> args,
                                (List<String> v) -> args = v)
                        .description("Arguments for the guest.")
                        .build());
        for (OptionGroup group : optionGroups()) {
            group.addTo(spec);
        }
        return spec;
    }

    @Override
    public Integer call() {
        String invoke = values.get(INVOKE);
        var wasiOptions = wasiOptions(invoke);
        var builder = Engine.builder().strategy(engine.strategy());
        try (Engine wasmEngine = cache.configure(allocator.configure(builder)).build()) {
            Module loaded = Module.fromFile(wasmEngine, module);
            Val[] params = invoke == null ? new Val[0] : FunctionArguments.forExport(loaded, invoke, args);
            // after the module: the warm-up thread initialises WASI while the main thread decodes
            try (Wasi wasi = Wasi.create(wasiOptions)) {
                var linker = new Linker().wasi(wasi);
                var deadline = RunDeadline.start(values.get(TIMEOUT));
                try (Store store = Store.create(wasmEngine)) {
                    deadline.applyTo(store);
                    Instance instance = linker.instantiate(store, loaded);
                    deadline.applyTo(store);
                    return invoke == null ? runCommand(instance) : invoke(instance, invoke, params);
                } catch (WasiExitException exit) {
                    return exit.exitCode();
                } catch (Trap trap) {
                    throw deadline.explain(trap);
                } finally {
                    System.out.flush();
                    if (values.isSet(STATS)) {
                        AllocatorStats.print(wasmEngine, System.err);
                    }
                    System.err.flush();
                }
            }
        }
    }

    private static int runCommand(Instance instance) {
        instance.func("_start").ifPresent(Func::call);
        return ExitCodes.OK;
    }

    private static int invoke(Instance instance, String invoke, Val[] params) {
        PrintStream out = System.out;
        for (Val result : instance.requireFunc(invoke).call(params)) {
            out.println(result.text());
        }
        return ExitCodes.OK;
    }

    private WasiOptions wasiOptions(String invoke) {
        List<String> argv = new ArrayList<>();
        argv.add(module.getFileName() == null ? module.toString() : module.getFileName().toString());
        if (invoke == null) {
            argv.addAll(args);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : values.list(ENV)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                String value = System.getenv(entry);
                if (value != null) {
                    environment.put(entry, value);
                }
            } else {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        var options = WasiOptions.builder().withArguments(argv);
        environment.forEach(options::withEnvironment);
        for (String dir : values.list(DIR)) {
            options.withPreopen(preopen(dir));
        }
        for (String address : values.list(TCPLISTEN)) {
            try {
                options.withListener(TcpListeners.listen(address));
            } catch (java.io.UncheckedIOException e) {
                throw new WasmrunException("--tcplisten " + e.getCause().getMessage());
            }
        }
        if (ProcessStdio.isCurrent()) {
            System.out.flush();
            options.inheritStdio();
        } else {
            options.withStdin(System.in).withStdout(System.out).withStderr(System.err);
        }
        return options.build();
    }

    /** {@code --dir HOST[::GUEST][:ro]}: a host directory, its guest name, read-only or not. */
    static Preopen preopen(String dir) {
        boolean readOnly = dir.endsWith(READ_ONLY_SUFFIX);
        String spec = readOnly ? dir.substring(0, dir.length() - READ_ONLY_SUFFIX.length()) : dir;
        int sep = spec.indexOf("::");
        String host = sep < 0 ? spec : spec.substring(0, sep);
        String guest = sep < 0 ? spec : spec.substring(sep + 2);
        Path hostPath = Path.of(host);
        if (!java.nio.file.Files.isDirectory(hostPath)) {
            throw new WasmrunException("--dir " + dir + ": " + host + " is not a directory");
        }
        return new Preopen(guest, hostPath, readOnly);
    }
}
