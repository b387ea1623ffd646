package io.wasmrun.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Options every subcommand has. */
public final class CommonOptions implements OptionGroup {
    boolean verbose;

    @Override
    public void addTo(CommandSpec command) {
        command.addOption(
                OptionSpecs.flag("--verbose", () -> verbose, v -> verbose = v)
                        .names("-v", "--verbose")
                        .description("Print stack traces of internal errors and more detail.")
                        .build());
    }
}
