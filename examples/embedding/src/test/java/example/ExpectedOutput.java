package example;

import java.util.List;

/** What {@link Embedding} prints, line by line, wherever it runs. */
final class ExpectedOutput {
    static final List<String> LINES = List.of(
            "host: \"WebAssembly on the JVM\" has 5 vowels",
            "guest returned 5",
            "raw call: 84 / 2 = 42",
            "trap INTEGER_DIVIDE_BY_ZERO: integer divide by zero",
            "trap INTERRUPT: interrupt (the store's timeout of 100ms elapsed)",
            "WASI stdout: Hello, world from wasmrun!",
            "1000 short-lived instances summed 499500; live instances now 0");

    private ExpectedOutput() {}
}
