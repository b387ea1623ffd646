package io.wasmrun.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wasmrun.text.wast.WastParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates spec scripts (deletes, duplicates and swaps tokens, truncates, inserts random bytes)
 * for a bounded time and checks that nothing but {@link TextFormatException} escapes. Inputs that
 * once crashed the parser live in {@code fuzz-regressions/}. Tune with {@code -Dfuzz.millis} and
 * {@code -Dfuzz.seed}.
 */
class FuzzTest {
    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s()\"]+");

    @Test
    void regressionInputsOnlyRaiseTextFormatException() throws IOException {
        Path dir = Path.of("src/test/resources/fuzz-regressions");
        int count = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                check(Files.readString(p), p.getFileName().toString());
                count++;
            }
        }
        assertTrue(count > 0);
    }

    @Test
    void mutatedScriptsOnlyRaiseTextFormatException() {
        List<Path> scripts = new java.util.ArrayList<>(SpecSuite.scripts(SpecSuite.root().resolve("wasm-2.0"), false));
        scripts.addAll(SpecSuite.scripts(SpecSuite.root().resolve("wasm-3.0"), true));
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        long deadline = System.nanoTime() + Long.getLong("fuzz.millis", 3000L) * 1_000_000L;
        Random random = new Random(seed);
        int runs = 0;
        while (System.nanoTime() < deadline) {
            Path script = scripts.get(random.nextInt(scripts.size()));
            String source = SpecSuite.read(script);
            if (source.length() > 60_000) {
                source = source.substring(0, 60_000);
            }
            String mutated = mutate(source, random);
            try {
                check(mutated, script.getFileName().toString());
            } catch (AssertionError e) {
                fail("seed " + seed + ", run " + runs + ": " + e.getMessage(), e);
            }
            runs++;
        }
        System.out.printf("fuzz: %d mutated scripts, seed %d%n", runs, seed);
    }

    private static void check(String source, String name) {
        try {
            WastParser.parse(source, name);
        } catch (TextFormatException e) {
            assertTrue(e.getMessage().startsWith(name + ":"), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("unexpected " + e + " for input:\n" + source, e);
        }
    }

    private static String mutate(String source, Random random) {
        Matcher m = TOKEN.matcher(source);
        List<int[]> tokens = m.results().map(r -> new int[] {r.start(), r.end()}).toList();
        StringBuilder sb = new StringBuilder(source);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !tokens.isEmpty(); e++) {
            int[] t = tokens.get(random.nextInt(tokens.size()));
            if (t[1] > sb.length()) {
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> sb.delete(t[0], t[1]);
                case 1 -> sb.insert(t[0], sb.substring(t[0], t[1]) + " ");
                case 2 -> {
                    int[] u = tokens.get(random.nextInt(tokens.size()));
                    if (u[1] <= sb.length() && (u[1] <= t[0] || u[0] >= t[1])) {
                        String a = sb.substring(t[0], t[1]);
                        String b = sb.substring(u[0], u[1]);
                        if (u[0] > t[0]) {
                            sb.replace(u[0], u[1], a).replace(t[0], t[1], b);
                        } else {
                            sb.replace(t[0], t[1], b).replace(u[0], u[1], a);
                        }
                    }
                }
                case 3 -> sb.setLength(random.nextInt(sb.length() + 1));
                case 4 -> {
                    int at = random.nextInt(sb.length() + 1);
                    sb.insert(at, (char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
                }
                default -> sb.replace(t[0], t[1], String.valueOf(random.nextLong()));
            }
        }
        return sb.toString();
    }
}
