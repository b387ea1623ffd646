package io.wasmrun.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A set of options several commands share (allocator, engine, cache, common), each declared once
 * as an {@link OptionDescriptor} in the group's table: the group adds them to a command's spec and
 * reads their values from its {@link OptionValues}.
 */
interface OptionGroup {
    /** Adds this group's options to {@code command}, bound to this object. */
    void addTo(CommandSpec command);

    /** A command with shared option groups; {@link Main} adds them when it registers it. */
    interface Holder {
        List<OptionGroup> optionGroups();
    }
}
