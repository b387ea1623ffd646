package io.wasmrun.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A set of options several commands share (allocator, engine, cache, common), declared in code
 * by {@link OptionSpecs}: each group adds its options to a command's spec.
 */
interface OptionGroup {
    /** Adds this group's options to {@code command}, bound to this object. */
    void addTo(CommandSpec command);

    /** A command with shared option groups; {@link Main} adds them when it registers it. */
    interface Holder {
        List<OptionGroup> optionGroups();
    }
}
