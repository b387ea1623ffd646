package io.wasmrun.cli;

import java.util.List;

/**
 * A command that instantiates and runs modules: it has the common, engine and allocator option
 * groups ({@code run}, {@code bench}, {@code wast}, {@code repl}).
 */
abstract class ExecutingCommand implements OptionGroup.Holder {
    final CommonOptions common = new CommonOptions();
    final EngineOptions engine = new EngineOptions();
    final AllocatorOptions allocator = new AllocatorOptions();

    @Override
    public List<OptionGroup> optionGroups() {
        return List.of(common, engine, allocator);
    }
}
