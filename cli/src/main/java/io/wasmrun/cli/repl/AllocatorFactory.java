package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.InstanceAllocator;
import java.util.List;

/** Creates instance allocators from command-line style settings, for {@code :set allocator}. */
public interface AllocatorFactory {

    /**
     * Creates an allocator from {@code settings}, e.g. {@code [pooling, --max-memory-size, 64MiB]}:
     * a leading word names the kind, options follow {@code wasmrun run}'s spelling.
     *
     * @throws io.wasmrun.WasmrunException with a one-line message for bad settings
     */
    InstanceAllocator create(List<String> settings);

    /** The allocator kinds and option names, for completion. */
    List<String> completions();
}
