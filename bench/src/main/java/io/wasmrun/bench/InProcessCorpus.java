package io.wasmrun.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.Engine;
import io.wasmrun.FirstCompile;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.Wasi;
import io.wasmrun.wasi.WasiExitException;
import io.wasmrun.wasi.WasiOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The in-process mode of {@code scripts/bench-corpus}: runs a WASI command many times in one JVM,
 * each time a new instance and a new WASI of a module compiled once, and times each run after
 * warm-up, so start-up and JIT warm-up drop out and steady state remains (what node's in-process
 * numbers measure).
 *
 * <p>Usage: {@code InProcessCorpus wasmrun|chicory WARMUP RUNS MODULE [ARGS...]}. Warm-up is
 * WARMUP runs and at least {@link #WARMUP_NANOS} of them: code that runs once per run (a short
 * program's {@code main} and {@code printf}) is compiled only after thousands of runs, so ten runs
 * of a hello world left it interpreted. The guest's output of the first run goes to stdout (later
 * runs' to a buffer, checked to be the same); the last line on stderr is {@code ms: T1 T2 ...},
 * the wall time of each timed run in milliseconds.
 * {@code wasmrun} runs through the embedding API with its defaults (compiler, on-demand
 * allocator); {@code chicory} is plain Chicory, its compiler and its WASI, as {@link PlainChicory}.
 */
public final class InProcessCorpus {
    /** The least time the warm-up runs take. */
    static final long WARMUP_NANOS = 3_000_000_000L;

    private InProcessCorpus() {}

    /** One run of the guest, its output into {@code stdout}. */
    interface Runner {
        void run(List<String> argv, ByteArrayOutputStream stdout);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: InProcessCorpus wasmrun|chicory WARMUP RUNS MODULE [ARGS...]");
            System.exit(2);
        }
        int warmup = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        var argv = new ArrayList<>(List.of(args).subList(3, args.length));
        argv.set(0, file.getFileName().toString());
        Runner runner = switch (args[0]) {
            case "wasmrun" -> wasmrun(file);
            case "chicory" -> chicory(file);
            default -> throw new IllegalArgumentException("unknown runner " + args[0]);
        };
        String expected = null;
        var times = new StringBuilder("ms:");
        long warmupEnd = System.nanoTime() + WARMUP_NANOS;
        int timed = 0;
        for (int i = 0; timed < runs; i++) {
            var stdout = new ByteArrayOutputStream();
            long start = System.nanoTime();
            runner.run(argv, stdout);
            long elapsed = System.nanoTime() - start;
            String output = stdout.toString(StandardCharsets.UTF_8);
            if (expected == null) {
                expected = output;
                System.out.print(output);
                System.out.flush();
            } else if (!output.equals(expected)) {
                throw new IllegalStateException("run " + i + " printed '" + output + "', the first '" + expected + "'");
            }
            if (i >= warmup && start >= warmupEnd) {
                times.append(' ').append(String.format("%.3f", elapsed / 1e6));
                timed++;
            }
        }
        System.err.println(times);
    }

    /** Runs {@code file} through wasmrun's embedding API, compiled once. */
    static Runner wasmrun(Path file) {
        Engine engine = Engine.builder().firstCompile(FirstCompile.BLOCKING).build();
        Module module = Module.fromFile(engine, file);
        module.compile();
        return (argv, stdout) -> {
            var options = WasiOptions.builder()
                    .withArguments(argv)
                    .withStdout(stdout)
                    .withStderr(System.err)
                    .withStdin(InputStream.nullInputStream())
                    .build();
            try (Store store = Store.create(engine); Wasi wasi = Wasi.create(options)) {
                new Linker().wasi(wasi).instantiate(store, module).requireFunc("_start").call();
            } catch (WasiExitException e) {
                exitCode(e.exitCode());
            }
        };
    }

    private static Runner chicory(Path file) {
        WasmModule module = Parser.parse(file);
        Function<Instance, Machine> machines = MachineFactoryCompiler.compile(module);
        return (argv, stdout) -> {
            var options = com.dylibso.chicory.wasi.WasiOptions.builder()
                    .withArguments(argv)
                    .withStdout(new PrintStream(stdout, true, StandardCharsets.UTF_8))
                    .withStderr(System.err)
                    .withStdin(InputStream.nullInputStream())
                    .build();
            try (var wasi = WasiPreview1.builder().withOptions(options).build()) {
                Instance.builder(module)
                        .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                        .withMachineFactory(machines)
                        .build();
            } catch (com.dylibso.chicory.wasi.WasiExitException e) {
                exitCode(e.exitCode());
            }
        };
    }

    private static void exitCode(int code) {
        if (code != 0) {
            throw new IllegalStateException("the guest exited with " + code);
        }
    }
}
