package io.wasmrun.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Options every subcommand has. */
public final class CommonOptions implements OptionGroup {
    static final OptionDescriptor<Boolean> VERBOSE =
            OptionDescriptor.flag(
                            "--verbose", "Print stack traces of internal errors and more detail")
                    .alias("-v");

    static final List<OptionDescriptor<?>> OPTIONS = List.of(VERBOSE);

    private final OptionValues values = new OptionValues();

    @Override
    public void addTo(CommandSpec command) {
        values.addTo(command, OPTIONS);
    }

    /** Whether {@code --verbose} was given. */
    boolean verbose() {
        return values.isSet(VERBOSE);
    }
}
