package io.wasmrun.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of {@code scripts/bench-corpus}: runs a WASI command the way a plain Chicory user
 * would, with Chicory's compiler and WASI and nothing of wasmrun; also the Chicory runner of {@code
 * scripts/bench-wasi-io}. Usage: {@code PlainChicory [--dir HOST[::GUEST]]... MODULE [ARGS...]};
 * each {@code --dir} preopens host directory HOST as GUEST (as wasmrun's {@code --dir}). Exits with
 * the guest's exit code.
 */
public final class PlainChicory {
    private PlainChicory() {}

    public static void main(String[] args) {
        var builder = WasiOptions.builder();
        int first = 0;
        while (first + 1 < args.length && args[first].equals("--dir")) {
            String spec = args[first + 1];
            int at = spec.indexOf("::");
            String host = at < 0 ? spec : spec.substring(0, at);
            String guest = at < 0 ? spec : spec.substring(at + 2);
            builder.withDirectory(guest, Path.of(host));
            first += 2;
        }
        if (first >= args.length) {
            System.err.println("usage: PlainChicory [--dir HOST[::GUEST]]... MODULE [ARGS...]");
            System.exit(2);
        }
        Path file = Path.of(args[first]);
        var argv = new ArrayList<>(List.of(args).subList(first, args.length));
        argv.set(0, file.getFileName().toString());
        var options =
                builder.withArguments(argv)
                        .withStdout(System.out)
                        .withStderr(System.err)
                        .withStdin(System.in)
                        .build();
        int code = 0;
        try (var wasi = WasiPreview1.builder().withOptions(options).build()) {
            var module = Parser.parse(file);
            Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withMachineFactory(MachineFactoryCompiler.compile(module))
                    .build();
        } catch (WasiExitException e) {
            code = e.exitCode();
        }
        System.out.flush();
        System.exit(code);
    }
}
