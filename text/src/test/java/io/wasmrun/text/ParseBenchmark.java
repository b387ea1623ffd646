package io.wasmrun.text;

import io.wasmrun.text.wast.WastParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parser throughput over the whole wasm-2.0 suite (root scripts): parses every script several
 * times to warm up, then reports MB of {@code .wast} text per second. Run with the suite root as
 * argument (default {@code ../shared/wasm-testsuite}).
 */
public final class ParseBenchmark {
    private ParseBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/wasm-testsuite").resolve("wasm-2.0");
        List<String[]> scripts = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".wast")).sorted().toList()) {
                String text = Files.readString(p);
                scripts.add(new String[] {text, p.getFileName().toString()});
                bytes += Files.size(p);
            }
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            int commands = 0;
            for (String[] s : scripts) {
                commands += WastParser.parse(s[0], s[1]).commands().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %2d: %d scripts, %.1f MB, %d commands in %.3f s = %.1f MB/s%n", round,
                    scripts.size(), bytes / 1e6, commands, seconds, bytes / 1e6 / seconds);
        }
    }
}
