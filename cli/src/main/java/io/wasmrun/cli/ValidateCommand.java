package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.Module;
import io.wasmrun.ModuleLoadException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasmrun validate}: decodes and validates modules without running them. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        header = "Check that modules decode and validate.",
        versionProvider = VersionProvider.class,
        description = {
            "Decodes and validates each MODULE and prints `ok` or the reason, one line per file.",
            "Exits 0 only if every module is valid."
        })
final class ValidateCommand implements Callable<Integer>, OptionGroup.Holder {
    final CommonOptions common = new CommonOptions();
    final AllocatorOptions allocator = new AllocatorOptions();

    @Override
    public List<OptionGroup> optionGroups() {
        return List.of(common, allocator);
    }
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODULE", description = "Modules to validate.")
    List<Path> modules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        try (Engine engine = allocator.configure(Engine.builder()).build()) {
            for (Path module : modules) {
                try {
                    Module.fromFile(engine, module);
                    out.println(module + ": ok");
                } catch (ModuleLoadException e) {
                    out.println(module + e.getMessage().substring(e.source().length()));
                    invalid++;
                }
            }
        }
        out.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
