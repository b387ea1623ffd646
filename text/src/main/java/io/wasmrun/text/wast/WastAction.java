package io.wasmrun.text.wast;

import java.util.List;

/**
 * {@code (invoke $module? "field" arg*)} or {@code (get $module? "field")}; {@code type} is
 * {@code invoke} or {@code get} and {@code module} is null for the current module.
 */
public record WastAction(int line, String type, String module, String field, List<WastValue> args) {}
