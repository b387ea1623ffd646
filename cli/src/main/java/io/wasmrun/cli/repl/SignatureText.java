package io.wasmrun.cli.repl;

import io.wasmrun.FuncType;
import io.wasmrun.ValType;
import java.util.List;
import java.util.stream.Collectors;

/** Function signatures as the REPL prints them: {@code add(i32, i32) -> i32}. */
final class SignatureText {
    private SignatureText() {}

    /** {@code name(i32, i64) -> f64}, {@code name(i64) -> (i64, i64)}, or {@code name(i32)} without results. */
    static String describe(String name, FuncType type) {
        String params = names(type.params());
        String results = names(type.results());
        String returns = type.results().size() == 1 ? results : "(" + results + ")";
        return name + "(" + params + ")" + (results.isEmpty() ? "" : " -> " + returns);
    }

    private static String names(List<ValType> types) {
        return types.stream().map(ValType::toString).collect(Collectors.joining(", "));
    }
}
