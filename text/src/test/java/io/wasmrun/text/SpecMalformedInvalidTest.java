package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastModule;
import io.wasmrun.text.wast.WastParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Text-level {@code assert_malformed} modules of wasm-2.0 are rejected, and {@code
 * assert_invalid} modules encode (validation is the runtime's job). Cases that Wasm 3.0 turned
 * from syntax errors into validation errors are listed in {@code malformed-accepted.txt}.
 */
class SpecMalformedInvalidTest {

    @Test
    void malformedTextIsRejectedAndInvalidModulesEncode() {
        Set<String> accepted = new HashSet<>();
        for (String line : SpecSuite.resourceLines("malformed-accepted.txt")) {
            accepted.add(line.split("\\s+", 2)[0]);
        }
        int rejected = 0;
        int knownAccepted = 0;
        int invalid = 0;
        List<String> failures = new ArrayList<>();
        for (Path script : SpecSuite.scripts(SpecSuite.root().resolve("wasm-2.0"), false)) {
            String file = script.getFileName().toString();
            for (WastCommand c : WastParser.parse(SpecSuite.read(script), script.toString()).commands()) {
                if (!(c instanceof WastCommand.AssertModule a)) {
                    continue;
                }
                WastModule module = a.module();
                if (a.type().equals("assert_malformed") && module.kind() != WastModule.Kind.BINARY) {
                    String key = file + ":" + a.line();
                    try {
                        module.toBinary();
                        if (accepted.contains(key)) {
                            knownAccepted++;
                        } else {
                            failures.add(key + " accepted, expected \"" + a.text() + "\"");
                        }
                    } catch (TextFormatException e) {
                        rejected++;
                    }
                } else if (a.type().equals("assert_invalid")) {
                    invalid++;
                    if (module.bytes() == null) {
                        failures.add(file + ":" + module.line() + " invalid module not encoded");
                    }
                }
            }
        }
        System.out.printf("wasm-2.0: %d malformed text modules rejected, %d accepted as listed; %d invalid modules encoded%n",
                rejected, knownAccepted, invalid);
        assertEquals(List.of(), failures);
        assertTrue(rejected > 1000, "too few malformed modules seen: " + rejected);
    }
}
