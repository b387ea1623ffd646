package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.Module;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.WasmrunException;
import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasmrun wat2wasm}: encodes a text module as a binary module. */
@Command(
        name = "wat2wasm",
        mixinStandardHelpOptions = true,
        header = "Encode a text module (.wat) as a binary module.",
        versionProvider = VersionProvider.class,
        description = {
            "Encodes a WebAssembly text module (.wat) as a binary module (.wasm) and",
            "validates it. Every other command reads .wat files directly too.",
            ""
        })
final class Wat2WasmCommand implements Callable<Integer>, OptionGroup.Holder {
    final CommonOptions common = new CommonOptions();

    @Override
    public List<OptionGroup> optionGroups() {
        return List.of(common);
    }

    @Parameters(index = "0", paramLabel = "INPUT", description = "The text module.")
    Path input;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUTPUT",
            description = "Where to write the binary (default: INPUT with the extension .wasm).")
    Path output;

    @Option(names = "--no-check", description = "Write the binary without validating it.")
    boolean noCheck;

    @Override
    public Integer call() throws IOException {
        String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        byte[] text;
        try {
            text = Files.readAllBytes(input);
        } catch (NoSuchFileException e) {
            throw new WasmrunException(input + ": no such file");
        }
        byte[] binary;
        try {
            binary = Wat.toBinary(text, input.toString());
        } catch (TextFormatException e) {
            throw new WasmrunException(e.getMessage());
        }
        if (!noCheck) {
            try (Engine engine = Engine.create()) {
                Module.fromBytes(engine, name, binary);
            } catch (ModuleLoadException e) {
                throw new WasmrunException(input + ": " + e.problem());
            }
        }
        Path target = output != null ? output : defaultOutput();
        Files.write(target, binary);
        return ExitCodes.OK;
    }

    private Path defaultOutput() {
        String file = input.getFileName().toString();
        String stem = file.endsWith(".wat") ? file.substring(0, file.length() - 4) : file;
        return input.resolveSibling(stem + ".wasm");
    }
}
