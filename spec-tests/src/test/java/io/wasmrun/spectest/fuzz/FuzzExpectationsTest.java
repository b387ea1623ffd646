package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzExpectationsTest {
    private static final FuzzConfiguration ON_DEMAND_INTERPRETER = new FuzzConfiguration("on-demand", Strategy.INTERPRETER);
    private static final FuzzConfiguration POOLING_COMPILER = new FuzzConfiguration("pooling", Strategy.COMPILER);

    @TempDir Path dir;

    private FuzzExpectations read(String text) throws IOException {
        Path file = dir.resolve("fuzz.txt");
        Files.writeString(file, text);
        return FuzzExpectations.read(file);
    }

    @Test
    void matchesSignatureGlobsAndConfigurations() throws IOException {
        FuzzExpectations e = read(
                """
                # known
                missing-trap:memory-out-of-bounds@i32.store* */interpreter | store offsets wrap in the interpreter
                escaped:java.lang.NegativeArraySizeException@TableInstance.grow on-demand/* | table.grow by 2^31-1
                log-nan:* | Chicory keeps signalling NaNs in min/max
                """);
        assertEquals("store offsets wrap in the interpreter",
                e.expecting(ON_DEMAND_INTERPRETER, "missing-trap:memory-out-of-bounds@i32.store8").orElseThrow().reason);
        assertTrue(e.expecting(POOLING_COMPILER, "missing-trap:memory-out-of-bounds@i32.store8").isEmpty(), "not in the compiler");
        assertTrue(e.expecting(ON_DEMAND_INTERPRETER, "missing-trap:memory-out-of-bounds@memory.init").isEmpty(), "another instruction");
        assertTrue(e.expecting(POOLING_COMPILER, "escaped:java.lang.NegativeArraySizeException@TableInstance.grow").isEmpty());
        assertTrue(e.expecting(POOLING_COMPILER, "log-nan:f64").isPresent());
        assertEquals(1, e.unseen().size());
        assertTrue(e.unseen().getFirst().location().contains(":3 (escaped:"), e.unseen().getFirst().location());
    }

    @Test
    void rejectsEntriesWithoutAReason() {
        var error = assertThrows(IllegalArgumentException.class, () -> read("missing-trap:*\n"));
        assertTrue(error.getMessage().contains("fuzz.txt:1"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("a b c | too many words\n"));
    }
}
