package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.text.wast.WastParser;
import io.wasmrun.text.wast.WastScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every wasm-3.0 script (core and proposals) parses end to end, except the scripts of
 * proposals listed in {@code unsupported-proposals.txt}, which may only fail with a {@link
 * TextFormatException}.
 */
class Wasm3ParseTest {

    @Test
    void everyScriptParses() {
        Path root = SpecSuite.root().resolve("wasm-3.0");
        List<String> unsupported = SpecSuite.resourceLines("unsupported-proposals.txt").stream()
                .map(l -> l.split("\\s+", 2)[0])
                .toList();
        int parsed = 0;
        int commands = 0;
        int skipped = 0;
        List<String> failures = new ArrayList<>();
        for (Path script : SpecSuite.scripts(root, true)) {
            String rel = root.relativize(script).toString().replace('\\', '/');
            boolean expectedUnsupported = unsupported.stream().anyMatch(rel::startsWith);
            try {
                WastScript s = WastParser.parse(SpecSuite.read(script), script.toString());
                parsed++;
                commands += s.commands().size();
            } catch (TextFormatException e) {
                if (expectedUnsupported) {
                    skipped++;
                } else {
                    failures.add(e.getMessage());
                }
            }
        }
        System.out.printf("wasm-3.0: %d scripts parsed (%d commands), %d scripts of unsupported proposals%n",
                parsed, commands, skipped);
        assertEquals(List.of(), failures);
        assertTrue(parsed > 250, "too few scripts parsed: " + parsed);
    }
}
