package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmrun.text.wast.WastModule;
import io.wasmrun.text.wast.WastParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every module of every wasm-2.0 root script encodes byte-for-byte like wast2json, or the
 * difference is listed with its reason in {@code explained-differences.txt}.
 */
class Wast2JsonIdenticalTest {
    private static final Pattern COMMAND =
            Pattern.compile("\"line\": (\\d+),[^\\n]*?\"filename\": \"([^\"]+)\"");

    @Test
    void modulesMatchWast2Json(@TempDir Path tmp) throws Exception {
        Path wast2json = findWast2Json();
        List<Path> scripts = SpecSuite.scripts(SpecSuite.root().resolve("wasm-2.0"), false);
        Map<String, String> explained = new HashMap<>();
        for (String line : SpecSuite.resourceLines("explained-differences.txt")) {
            String[] parts = line.split("\\s+", 2);
            explained.put(parts[0], parts[1]);
        }
        int identical = 0;
        int identicalText = 0;
        int explainedCount = 0;
        int uncomparable = 0;
        List<String> failures = new ArrayList<>();
        for (Path script : scripts) {
            String name = script.getFileName().toString().replace(".wast", "");
            List<WastModule> mine = SpecSuite.modules(WastParser.parse(SpecSuite.read(script), script.toString()).commands());
            Path out = tmp.resolve(name);
            Files.createDirectories(out);
            Process p = new ProcessBuilder(wast2json.toString(), script.toString(), "-o", out.resolve(name + ".json").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("log.txt").toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                uncomparable++;
                System.out.println("wast2json cannot read " + name + ".wast: " + firstLine(out.resolve("log.txt")));
                continue;
            }
            Matcher m = COMMAND.matcher(Files.readString(out.resolve(name + ".json")));
            int i = 0;
            while (m.find()) {
                String file = m.group(2);
                if (i >= mine.size()) {
                    failures.add(file + ": no module here");
                    break;
                }
                WastModule module = mine.get(i++);
                if (!file.endsWith(".wasm")) {
                    continue;
                }
                byte[] expected = Files.readAllBytes(out.resolve(file));
                if (Arrays.equals(expected, module.bytes())) {
                    identical++;
                    if (module.kind() != WastModule.Kind.BINARY) {
                        identicalText++;
                    }
                } else if (explained.containsKey(file)) {
                    explainedCount++;
                } else {
                    failures.add(file + " (line " + module.line() + ") differs");
                }
            }
            if (i != mine.size()) {
                failures.add(name + ": wast2json has " + i + " modules, parser " + mine.size());
            }
        }
        System.out.printf("wasm-2.0: %d modules identical to wast2json (%d from text), %d explained differences, "
                + "%d scripts wast2json cannot read%n", identical, identicalText, explainedCount, uncomparable);
        assertEquals(List.of(), failures);
        assertTrue(identical > 4000, "too few modules compared: " + identical);
    }

    private static String firstLine(Path log) throws IOException {
        return Files.readAllLines(log).stream().findFirst().orElse("");
    }

    private static Path findWast2Json() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wast2json");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "wast2json not installed");
        return null;
    }
}
