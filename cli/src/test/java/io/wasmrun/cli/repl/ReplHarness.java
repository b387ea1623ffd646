package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.Strategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/** Runs the REPL on a dumb JLine terminal over in-memory streams, in a directory of test modules. */
final class ReplHarness {
    static final List<String> MODULES = List.of(
            "math.wasm", "user.wasm", "hello.wasm", "version1.wasm", "version2.wasm", "fib.wasm", "fib.wat", "start-loop.wasm");

    /** What a session printed. */
    record Result(int exitCode, String out, String err) {}

    /** Creates allocators for {@code :set allocator}: only {@code on-demand} is known. */
    static final AllocatorFactory ALLOCATORS = new AllocatorFactory() {
        @Override
        public io.wasmrun.allocator.InstanceAllocator create(List<String> settings) {
            if (!settings.equals(List.of("on-demand"))) {
                throw new WasmrunException("unknown allocator settings " + settings);
            }
            return new OnDemandInstanceAllocator();
        }

        @Override
        public List<String> completions() {
            return List.of("on-demand", "--max-memory-size");
        }
    };

    private ReplHarness() {}

    /** Copies the test modules into {@code dir}. */
    static Path modules(Path dir) {
        try {
            for (String name : MODULES) {
                try (InputStream in = ReplHarness.class.getResourceAsStream(name)) {
                    Files.write(dir.resolve(name), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static ReplConfig config(Path dir, boolean interactive, Optional<Path> history) {
        return new ReplConfig(Strategy.COMPILER, ALLOCATORS, dir, history, interactive, false);
    }

    /** Runs {@code script} non-interactively, errors on their own stream. */
    static Result run(Path dir, String script) {
        return run(config(dir, false, Optional.empty()), script);
    }

    static Result run(ReplConfig config, String script) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (Terminal terminal = terminal(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out);
                Repl repl = new Repl(terminal, err, config, new OnDemandInstanceAllocator())) {
            code = repl.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(code, text(out), text(err));
    }

    static Terminal terminal(InputStream in, OutputStream out) throws IOException {
        return new DumbTerminal("test", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
    }

    static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
