package io.wasmrun.cli;

import io.wasmrun.FuncType;
import io.wasmrun.Module;
import io.wasmrun.Val;
import io.wasmrun.ValType;
import io.wasmrun.WasmrunException;
import java.util.List;

/**
 * Reads the text arguments of a call to an exported function ({@code run --invoke}, the REPL) as
 * typed values, with messages that name the argument and show the signature.
 */
public final class FunctionArguments {
    private FunctionArguments() {}

    /**
     * {@code texts} as the arguments of {@code module}'s exported function {@code name}.
     *
     * @throws WasmrunException naming the module, and the function or the bad argument
     */
    static Val[] forExport(Module module, String name, List<String> texts) {
        FuncType type = module.requireFuncType(name);
        try {
            return parse(name, type, texts);
        } catch (IllegalArgumentException e) {
            throw new WasmrunException(module.name() + ": " + e.getMessage());
        }
    }

    /**
     * {@code texts} as the arguments of {@code name}, of type {@code type}.
     *
     * @throws IllegalArgumentException naming the wrong count or the bad argument, and the signature
     */
    public static Val[] parse(String name, FuncType type, List<String> texts) {
        String signature = type.signature(name);
        int expected = type.params().size();
        if (texts.size() != expected) {
            throw new IllegalArgumentException(
                    "`" + name + "` takes " + expected + " argument" + (expected == 1 ? "" : "s")
                            + " but " + texts.size() + " " + (texts.size() == 1 ? "was" : "were")
                            + " given" + v128Hint(type, texts.size()) + "; signature: " + signature);
        }
        Val[] values = new Val[expected];
        for (int i = 0; i < expected; i++) {
            try {
                values[i] = Val.parse(type.params().get(i), texts.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "argument " + (i + 1) + ": " + e.getMessage() + "; signature: " + signature, e);
            }
        }
        return values;
    }

    /** Too many words for a function that takes a v128 are most likely a v128 written unquoted. */
    private static String v128Hint(FuncType type, int given) {
        return given > type.params().size() && type.params().contains(ValType.V128)
                ? " (a v128 is one argument: quote it, e.g. \"i32x4 1 2 3 4\")"
                : "";
    }
}
