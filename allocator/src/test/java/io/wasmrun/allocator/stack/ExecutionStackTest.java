package io.wasmrun.allocator.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.ChicoryException;
import io.wasmrun.allocator.ExecutionStack;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.testing.TestModules.Allocated;
import io.wasmrun.allocator.testing.TestModules.Engine;
import io.wasmrun.allocator.testing.TestModules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutionStackTest {

    @Test
    void withoutAStackSizeCallsRunOnTheCallersThread() throws Exception {
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator()) {
            ExecutionStack stack = allocator.allocateStack();
            assertSame(CallerThreadStack.INSTANCE, stack);
            assertSame(Thread.currentThread(), stack.execute(Thread::currentThread));
            assertEquals(1, allocator.metrics().liveStacks());
            allocator.deallocateStack(stack);
            assertEquals(0, allocator.metrics().liveStacks());
        }
    }

    @Test
    void aSizedStackRunsCallsOnItsOwnThreadAndRethrowsUnchanged() throws Exception {
        OnDemandConfig config = OnDemandConfig.builder().maxWasmStack(512 * 1024).build();
        try (OnDemandInstanceAllocator allocator = new OnDemandInstanceAllocator(config)) {
            ExecutionStack stack = allocator.allocateStack();
            assertEquals(512 * 1024, stack.sizeBytes());
            Thread worker = stack.execute(Thread::currentThread);
            assertNotEquals(Thread.currentThread(), worker);
            assertTrue(worker.getName().startsWith("wasm-stack-"), worker.getName());
            assertSame(worker, stack.execute(Thread::currentThread), "the thread is reused");

            IllegalStateException thrown = new IllegalStateException("boom");
            assertSame(
                    thrown,
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    stack.execute(
                                            () -> {
                                                throw thrown;
                                            })));
            StackOverflowError error = new StackOverflowError("deep");
            assertSame(
                    error,
                    assertThrows(
                            StackOverflowError.class,
                            () ->
                                    stack.execute(
                                            () -> {
                                                throw error;
                                            })));
            assertEquals(42, stack.execute(() -> stack.execute(() -> 42)), "re-entrant call");

            allocator.deallocateStack(stack);
            worker.join(10_000);
            assertTrue(!worker.isAlive(), "the thread ends once the stack is given back");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deepRecursionExhaustsTheConfiguredStackNotTheCallers(Engine engine) throws Exception {
        int depth = 20_000;
        long small = 256 * 1024;
        long large = 64L << 20;
        try (OnDemandInstanceAllocator smallStacks =
                        new OnDemandInstanceAllocator(
                                OnDemandConfig.builder().maxWasmStack(small).build());
                OnDemandInstanceAllocator largeStacks =
                        new OnDemandInstanceAllocator(
                                OnDemandConfig.builder().maxWasmStack(large).build());
                Allocated onSmall =
                        TestModules.instantiate(
                                smallStacks, "memory.wasm", TestModules.load("memory.wasm"), engine);
                Allocated onLarge =
                        TestModules.instantiate(
                                largeStacks, "memory.wasm", TestModules.load("memory.wasm"), engine)) {
            ExecutionStack smallStack = smallStacks.allocateStack();
            ExecutionStack largeStack = largeStacks.allocateStack();
            try {
                assertEquals(depth, largeStack.execute(() -> onLarge.call("depth", depth)));
                ChicoryException e =
                        assertThrows(
                                ChicoryException.class,
                                () -> smallStack.execute(() -> onSmall.call("depth", depth)));
                assertTrue(e.getMessage().contains("call stack exhausted"), e.getMessage());
            } finally {
                smallStacks.deallocateStack(smallStack);
                largeStacks.deallocateStack(largeStack);
            }
        }
    }
}
