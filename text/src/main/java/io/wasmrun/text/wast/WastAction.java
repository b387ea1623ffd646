package io.wasmrun.text.wast;

import java.util.List;

/**
 * {@code (invoke $module? "field" arg*)} or {@code (get $module? "field")}; {@code type} is
 * {@code invoke} or {@code get} and {@code module} is null for the current module.
 */
public record WastAction(int line, String type, String module, String field, List<WastValue> args) {

    /** Whether this reads a global rather than calling a function. */
    public boolean isGet() {
        return "get".equals(type);
    }

    /** E.g. {@code invoke $M.f[i32:1]} or {@code get g}. */
    @Override
    public String toString() {
        String target = (module == null ? "" : "$" + module + ".") + field;
        return isGet() ? "get " + target : "invoke " + target + args;
    }
}
