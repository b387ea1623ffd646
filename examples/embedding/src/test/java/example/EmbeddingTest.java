package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the example as a user would and checks every line it prints. */
class EmbeddingTest {
    @Test
    void printsWhatEachPartDid() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Embedding.run(Path.of("../hello.wasm"), out);
        }
        assertEquals(ExpectedOutput.LINES, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
