package io.wasmrun.wast;

import java.util.List;

/**
 * What an action command does: call an exported function or read an exported global.
 *
 * @param kind invoke or get
 * @param module the name of the module ({@code $M}), or {@code null} for the current module
 * @param field the export's name
 * @param args the arguments of an invoke
 */
public record Action(Kind kind, String module, String field, List<WastValue> args) {
    public Action {
        args = List.copyOf(args);
    }

    /** The two kinds of action. */
    public enum Kind {
        INVOKE,
        GET
    }

    @Override
    public String toString() {
        String target = (module == null ? "" : module + ".") + field;
        return kind == Kind.GET ? "get " + target : "invoke " + target + args;
    }
}
