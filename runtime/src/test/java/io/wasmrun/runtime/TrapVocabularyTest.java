package io.wasmrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmrun.Strategy;
import io.wasmrun.Trap;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One trap vocabulary: the same trap reads the same, in the spec's words, under both engines and
 * both allocators. {@code ../shared/samples/trap-message-differs.wasm} is an out-of-bounds load
 * that Chicory's compiler reported with a signed address and its interpreter without one.
 */
class TrapVocabularyTest {
    private static final Path SAMPLE =
            Path.of(System.getProperty("wasm.testsuite", "../../shared/wasm-testsuite"))
                    .resolveSibling("samples")
                    .resolve("trap-message-differs.wasm");

    @Test
    void theSampleTrapsAlikeInAllFourConfigurations() throws Exception {
        assumeTrue(Files.exists(SAMPLE), "no " + SAMPLE + " (the shared samples): skipped");
        List<String> kinds = new ArrayList<>();
        List<Supplier<InstanceAllocator>> allocators =
                List.of(OnDemandInstanceAllocator::new, () -> new PoolingInstanceAllocator(PoolingConfig.builder()
                        .totalCoreInstances(2).totalMemories(2).totalTables(2)
                        .maxMemorySize(1 << 20).memoryGuardSize(64 * 1024).build()));
        for (Supplier<InstanceAllocator> allocator : allocators) {
            for (Strategy engine : Strategy.values()) {
                try (var alloc = allocator.get();
                        var runtime = WasmRuntime.builder().withStrategy(engine).withAllocator(alloc).build();
                        var instance = runtime.instantiate(runtime.load(SAMPLE), new Linker())) {
                    kinds.add(assertThrows(Trap.class, () -> instance.call("get memory[0]")).reason());
                    kinds.add(assertThrows(Trap.class, () -> instance.call("get table[0]")).reason());
                }
            }
        }
        assertEquals(
                List.of(
                        "out of bounds memory access", "uninitialized element",
                        "out of bounds memory access", "uninitialized element",
                        "out of bounds memory access", "uninitialized element",
                        "out of bounds memory access", "uninitialized element"),
                kinds);
    }
}
