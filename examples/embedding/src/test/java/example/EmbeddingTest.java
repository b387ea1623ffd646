package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the example as a user would and checks every line it prints. */
class EmbeddingTest {
    @Test
    void printsWhatEachPartDid() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Embedding.run(Path.of("../hello.wasm"), out);
        }
        assertEquals(List.of(
                "host: \"WebAssembly on the JVM\" has 5 vowels",
                "guest returned 5",
                "raw call: 84 / 2 = 42",
                "trap INTEGER_DIVIDE_BY_ZERO: integer divide by zero",
                "trap INTERRUPT: interrupt (the store's timeout of 100ms elapsed)",
                "WASI stdout: Hello, world from wasmrun!",
                "1000 short-lived instances summed 499500; live instances now 0"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
