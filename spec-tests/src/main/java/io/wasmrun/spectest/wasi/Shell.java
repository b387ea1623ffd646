package io.wasmrun.spectest.wasi;

import java.util.List;
import java.util.regex.Pattern;

/** Renders a command line so that it can be pasted into a POSIX shell. */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {}

    static String quote(List<String> argv) {
        return String.join(" ", argv.stream().map(Shell::quote).toList());
    }

    static String quote(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
