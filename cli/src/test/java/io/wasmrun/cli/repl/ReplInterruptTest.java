package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.Strategy;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Ctrl-C (SIGINT on the terminal) stops a running call and the session goes on. */
@Timeout(60)
class ReplInterruptTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void interruptsAnEndlessCallAndReturnsToThePrompt(Strategy engine) throws Exception {
        interruptEndlessCalls(engine, new OnDemandInstanceAllocator());
    }

    @Test
    void interruptsCallsThatRunOnTheirOwnWasmStackThread() throws Exception {
        var allocator = new OnDemandInstanceAllocator(OnDemandConfig.builder().maxWasmStack(4 << 20).build());
        interruptEndlessCalls(Strategy.COMPILER, allocator);
    }

    private void interruptEndlessCalls(Strategy engine, InstanceAllocator allocator) throws Exception {
        ReplHarness.modules(dir);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var keys = new PipedOutputStream();
        var config = new ReplConfig(engine, ReplHarness.ALLOCATORS, dir, Optional.empty(), false, false);
        try (Terminal terminal = ReplHarness.terminal(new PipedInputStream(keys), out);
                Repl repl = new Repl(terminal, err, config, allocator)) {
            CompletableFuture<Integer> session = CompletableFuture.supplyAsync(repl::run);

            type(keys, ":load math.wasm\n");
            awaitOutput(out, "loaded math");
            type(keys, "spin\n");
            interruptWhenBusy(repl, terminal);
            type(keys, ":load start-loop.wasm\n");
            interruptWhenBusy(repl, terminal);
            type(keys, "add 1 2\n:quit\n");

            assertEquals(1, session.get(30, TimeUnit.SECONDS));
        }
        assertEquals("interrupted\ninterrupted\n", ReplHarness.text(err));
        assertTrue(ReplHarness.text(out).endsWith("\n3\n"), ReplHarness.text(out));
    }

    private static void type(PipedOutputStream keys, String text) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void awaitOutput(ByteArrayOutputStream out, String text) throws InterruptedException {
        while (!ReplHarness.text(out).contains(text)) {
            Thread.sleep(10);
        }
    }

    private static void interruptWhenBusy(Repl repl, Terminal terminal) throws InterruptedException {
        while (!repl.session().calls().busy()) {
            Thread.sleep(10);
        }
        terminal.raise(Terminal.Signal.INT);
        while (repl.session().calls().busy()) {
            Thread.sleep(10);
        }
    }
}
