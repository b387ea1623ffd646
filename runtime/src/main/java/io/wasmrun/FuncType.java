package io.wasmrun;

import java.util.List;

/** A function's parameter and result types. */
public record FuncType(List<ValType> params, List<ValType> results) implements ExternType {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static FuncType of(List<ValType> params, List<ValType> results) {
        return new FuncType(params, results);
    }

    /** In the text format's words, e.g. {@code (param i32 i32) (result i64)}. */
    @Override
    public String toString() {
        return "(param" + words(params) + ") (result" + words(results) + ")";
    }

    /**
     * The signature of a function called {@code name} as wasmrun's messages print it, e.g. {@code
     * divmod(i32, i32) -> (i32, i32)}.
     */
    public String signature(String name) {
        String returned = names(results);
        return name + "(" + names(params) + ")"
                + (results.isEmpty() ? "" : " -> " + (results.size() == 1 ? returned : "(" + returned + ")"));
    }

    private static String names(List<ValType> types) {
        return String.join(", ", types.stream().map(ValType::toString).toList());
    }

    private static String words(List<ValType> types) {
        var sb = new StringBuilder();
        for (ValType t : types) {
            sb.append(' ').append(t);
        }
        return sb.toString();
    }
}
