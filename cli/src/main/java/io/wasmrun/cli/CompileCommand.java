package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.WasmrunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasmrun compile}: compiles a module ahead of time into a precompiled artifact. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        header = "Compile a module to JVM classes ahead of time.",
        versionProvider = VersionProvider.class,
        description = {
            "Compiles MODULE to JVM classes ahead of time and writes them, with the module,",
            "to one file. Run it with `wasmrun run --allow-precompiled FILE`; it only runs",
            "on the same wasmrun and Chicory versions that made it.",
            ""
        },
        footer = {"", "Example:", "  wasmrun compile app.wasm && wasmrun run --allow-precompiled app.cwasm"})
final class CompileCommand implements Callable<Integer>, OptionGroup.Holder {
    final CommonOptions common = new CommonOptions();

    @Override
    public List<OptionGroup> optionGroups() {
        return List.of(common);
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Where to write the artifact (default: MODULE with extension .cwasm).")
    Path output;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module to compile (.wasm).")
    Path module;

    @Override
    public Integer call() {
        try (Engine engine = Engine.create()) {
            write(target(), engine.precompile(module));
        }
        return ExitCodes.OK;
    }

    private Path target() {
        if (output != null) {
            return output;
        }
        String name = module.getFileName().toString();
        String base = name.endsWith(".wasm") ? name.substring(0, name.length() - 5) : name;
        return module.resolveSibling(base + ".cwasm");
    }

    private static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            try {
                Files.write(temp, bytes);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new WasmrunException("cannot write " + target + ": " + e.getMessage());
        }
    }
}
