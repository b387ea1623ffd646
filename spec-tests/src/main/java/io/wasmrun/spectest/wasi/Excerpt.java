package io.wasmrun.spectest.wasi;

import java.util.List;
import java.util.regex.Pattern;

/** Short, one-line renderings of expected and actual output for failure lines. */
final class Excerpt {
    static final int MAX = 120;

    /**
     * Lines that say nothing about why a test failed: java.util.logging's header line (Chicory
     * logs through it), wasmrun's wasm backtrace (kept in the report) and Rust's backtrace hint.
     */
    private static final Pattern NOISE = Pattern.compile(
            "[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2}[\\s\\u202f][AP]M \\S+ \\S+"
                    + "|wasm backtrace:"
                    + "|\\d+: .*\\(func \\d+\\)( \\(repeated \\d+ times\\))?"
                    + "|note: run with `RUST_BACKTRACE=1`.*");

    private Excerpt() {}

    /** {@code text} in double quotes with control characters escaped, cut to {@link #MAX} characters. */
    static String quoted(String text) {
        var out = new StringBuilder("\"");
        int limit = Math.min(text.length(), MAX);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (text.length() > MAX) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * The lines of a program's output that tell why it failed, joined with {@code " | "} and cut
     * to {@code 2 * MAX} characters: blank lines, repeated lines and {@link #NOISE} are left out.
     */
    static String oneLine(String output) {
        List<String> lines = output.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !NOISE.matcher(l).matches())
                .distinct()
                .toList();
        String joined = String.join(" | ", lines);
        return joined.length() > 2 * MAX ? joined.substring(0, 2 * MAX) + "..." : joined;
    }
}
