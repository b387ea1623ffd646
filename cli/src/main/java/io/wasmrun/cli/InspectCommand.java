package io.wasmrun.cli;

import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.ModuleSummary;
import io.wasmrun.runtime.WasmRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasmrun inspect}: a short summary of a module's interface. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        header = "Show a module's imports, exports and other contents.",
        versionProvider = VersionProvider.class,
        description = "Prints a module's imports, exports with signatures, memories, tables, globals and custom sections.")
final class InspectCommand implements Callable<Integer>, OptionGroup.Holder {
    final CommonOptions common = new CommonOptions();

    @Override
    public List<OptionGroup> optionGroups() {
        return List.of(common);
    }
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The module to inspect.")
    Path module;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (var runtime = WasmRuntime.builder().build()) {
            LoadedModule loaded = runtime.load(module);
            var summary = new ModuleSummary(loaded.declared());
            out.println("module " + module + " (functions: " + summary.functionCounts() + ")");
            section(out, "imports", summary.imports());
            section(out, "exports", summary.exports());
            section(out, "memories", summary.memories());
            section(out, "tables", summary.tables());
            section(out, "globals", summary.globals());
            section(out, "custom sections", summary.customSections());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void section(PrintWriter out, String title, List<String> lines) {
        out.println(title + " (" + lines.size() + ")" + (lines.isEmpty() ? "" : ":"));
        for (String line : lines) {
            out.println("  " + line);
        }
    }
}
