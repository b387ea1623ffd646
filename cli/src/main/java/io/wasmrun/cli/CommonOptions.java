package io.wasmrun.cli;

import picocli.CommandLine.Option;

/** Options every subcommand has. */
public final class CommonOptions {
    @Option(
            names = {"-v", "--verbose"},
            description = "Print stack traces of internal errors and more detail.")
    boolean verbose;
}
