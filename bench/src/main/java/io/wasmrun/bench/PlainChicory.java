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
 * would, with Chicory's compiler and WASI and nothing of wasmrun. Usage: {@code PlainChicory
 * MODULE [ARGS...]}; exits with the guest's exit code.
 */
public final class PlainChicory {
    private PlainChicory() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        var argv = new ArrayList<>(List.of(args));
        argv.set(0, file.getFileName().toString());
        var options =
                WasiOptions.builder()
                        .withArguments(argv)
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
