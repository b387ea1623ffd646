package io.wasmrun.cli.repl;

import java.util.List;

/** Short descriptions of modules shared by several commands. */
final class Describe {
    private Describe() {}

    /** {@code loaded fib from fib.wasm (functions: fib, fac)}. */
    static String loaded(ReplModule module) {
        return "loaded " + module.name() + " from " + module.source().describe() + " (" + functions(module) + ")";
    }

    /** {@code functions: fib, fac} or {@code no exported functions}. */
    static String functions(ReplModule module) {
        List<String> functions = module.exports(ExportKind.FUNCTION);
        return functions.isEmpty() ? "no exported functions" : "functions: " + String.join(", ", functions);
    }

    /** {@code 1 argument}, {@code 2 arguments}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
