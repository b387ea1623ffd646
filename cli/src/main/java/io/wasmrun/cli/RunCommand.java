package io.wasmrun.cli;

import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.Wasi;
import io.wasmrun.runtime.WasiConfig;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.runtime.WasmTrap;
import io.wasmrun.runtime.WasmrunException;
import io.wasmrun.runtime.values.ValueSyntaxException;
import io.wasmrun.runtime.values.WasmValues;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasmrun run}: runs a WASI command, or calls one exported function. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        header = "Run a WASI command or call an exported function.",
        versionProvider = VersionProvider.class,
        description = {
            "Runs a WebAssembly module: calls the WASI command entry point `_start` with",
            "ARGS as argv, or with --invoke calls one exported function with ARGS as its",
            "parameters and prints its results, one per line.",
            "",
            "Options may stand before or after MODULE: after MODULE, wasmrun's own",
            "options are still recognised, any other token goes to the guest, and `--`",
            "hands everything after it to the guest unchanged.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  wasmrun hello.wasm",
            "  wasmrun --invoke fib fib.wasm 20",
            "  wasmrun fib.wasm --invoke fib 20",
            "  wasmrun --dir .::/data --env NAME=world app.wasm -- --flag-for-the-guest"
        })
final class RunCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Mixin EngineOptions engine;
    @Mixin AllocatorOptions allocator;
    @Mixin CacheOptions cache;

    @Option(
            names = "--invoke",
            paramLabel = "NAME",
            description = "Call the exported function NAME instead of `_start`; ARGS are its parameters.")
    String invoke;

    @Option(
            names = "--dir",
            paramLabel = "HOST[::GUEST]",
            description = "Preopen host directory HOST for the guest, as GUEST (default: HOST).")
    List<String> dirs = new ArrayList<>();

    @Option(
            names = "--env",
            paramLabel = "NAME[=VAL]",
            description = "Set an environment variable for the guest; NAME alone passes the host's value.")
    List<String> env = new ArrayList<>();

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Interrupt the guest after DURATION (e.g. 500ms, 2s) with the trap `interrupt`.")
    java.time.Duration timeout;

    @Option(
            names = "--stats",
            description = "Print the instance allocator's counters to stderr after the run.")
    boolean stats;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module to run (.wasm).")
    Path module;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        var wasiConfig = wasiConfig();
        try (var allocation = allocator.create();
                var runtime =
                        cache.configure(WasmRuntime.builder())
                                .withEngine(engine.engine)
                                .withAllocator(allocation)
                                .build()) {
            LoadedModule loaded = runtime.load(module);
            long[] params = invoke == null ? new long[0] : parseParams(loaded);
            var linker = new Linker();
            try (var wasi = Wasi.create(wasiConfig)) {
                wasi.defineInto(linker);
                CallTimeout deadline = CallTimeout.start(timeout);
                try (WasmInstance instance = runtime.instantiate(loaded, linker)) {
                    return invoke == null ? runCommand(instance) : invoke(instance, params);
                } catch (WasiExitException exit) {
                    return exit.exitCode();
                } catch (WasmTrap trap) {
                    if (deadline != null && deadline.fired() && trap.kind().equals("interrupt")) {
                        throw deadline.timeoutTrap(trap);
                    }
                    throw trap;
                } finally {
                    if (deadline != null) {
                        deadline.close();
                    }
                    System.out.flush();
                    if (stats) {
                        AllocatorStats.print(allocation, System.err);
                    }
                    System.err.flush();
                }
            }
        }
    }

    private int runCommand(WasmInstance instance) {
        if (instance.module().exportedFunctionType("_start").isEmpty()) {
            return ExitCodes.OK;
        }
        instance.call("_start");
        return ExitCodes.OK;
    }

    private int invoke(WasmInstance instance, long[] params) {
        FunctionType type = instance.functionType(invoke);
        long[] results = instance.call(invoke, params);
        PrintStream out = System.out;
        for (int i = 0; i < type.returns().size(); i++) {
            out.println(WasmValues.format(results[i], type.returns().get(i)));
        }
        return ExitCodes.OK;
    }

    private long[] parseParams(LoadedModule loaded) {
        try {
            return WasmValues.parseArguments(invoke, loaded.requireExportedFunction(invoke), args);
        } catch (ValueSyntaxException e) {
            throw new WasmrunException(loaded.name() + ": " + e.getMessage());
        }
    }

    private WasiConfig wasiConfig() {
        List<String> argv = new ArrayList<>();
        argv.add(module.getFileName() == null ? module.toString() : module.getFileName().toString());
        if (invoke == null) {
            argv.addAll(args);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : env) {
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
        Map<String, Path> preopens = new LinkedHashMap<>();
        for (String dir : dirs) {
            int sep = dir.indexOf("::");
            String host = sep < 0 ? dir : dir.substring(0, sep);
            String guest = sep < 0 ? dir : dir.substring(sep + 2);
            Path hostPath = Path.of(host);
            if (!java.nio.file.Files.isDirectory(hostPath)) {
                throw new WasmrunException("--dir " + dir + ": " + host + " is not a directory");
            }
            preopens.put(guest, hostPath);
        }
        return new WasiConfig(argv, environment, preopens, System.in, System.out, System.err);
    }
}
