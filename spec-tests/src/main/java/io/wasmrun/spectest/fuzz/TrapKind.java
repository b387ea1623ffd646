package io.wasmrun.spectest.fuzz;

import io.wasmrun.Trap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Trap kinds in the spec's terms. wasmrun reports the spec's wording (with details after a
 * colon); V8 has its own messages, some of which stand for more than one spec kind (a V8 "null
 * function or function signature mismatch" is either an uninitialized element or a type mismatch,
 * a V8 "float unrepresentable in integer range" is an invalid conversion or an integer overflow).
 * Two traps match when the sets of kinds their messages can mean intersect; messages are never
 * compared.
 */
public enum TrapKind {
    UNREACHABLE,
    MEMORY_OUT_OF_BOUNDS,
    TABLE_OUT_OF_BOUNDS,
    UNINITIALIZED_ELEMENT,
    INDIRECT_CALL_TYPE_MISMATCH,
    INTEGER_DIVIDE_BY_ZERO,
    INTEGER_OVERFLOW,
    INVALID_CONVERSION,
    NULL_REFERENCE,
    STACK_EXHAUSTED,
    OUT_OF_MEMORY,
    INTERRUPTED,
    /** A message this table does not know. */
    OTHER;

    /** The kind as a signature word, e.g. {@code memory-out-of-bounds}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kinds a wasmrun trap ({@code Trap.kind()}) stands for: always one. */
    public static Set<TrapKind> ofWasmrun(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        TrapKind kind;
        if (m.startsWith("unreachable")) {
            kind = UNREACHABLE;
        } else if (m.startsWith("out of bounds memory access")) {
            kind = MEMORY_OUT_OF_BOUNDS;
        } else if (m.startsWith("out of bounds table access") || m.startsWith("undefined element")) {
            kind = TABLE_OUT_OF_BOUNDS;
        } else if (m.startsWith("uninitialized element")) {
            kind = UNINITIALIZED_ELEMENT;
        } else if (m.startsWith("indirect call type mismatch")) {
            kind = INDIRECT_CALL_TYPE_MISMATCH;
        } else if (m.startsWith("integer divide by zero")) {
            kind = INTEGER_DIVIDE_BY_ZERO;
        } else if (m.startsWith("integer overflow")) {
            kind = INTEGER_OVERFLOW;
        } else if (m.startsWith("invalid conversion to integer")) {
            kind = INVALID_CONVERSION;
        } else if (m.contains("null function reference") || m.contains("null reference")) {
            kind = NULL_REFERENCE;
        } else if (m.startsWith("call stack exhausted")) {
            kind = STACK_EXHAUSTED;
        } else if (m.startsWith("out of memory")) {
            kind = OUT_OF_MEMORY;
        } else if (m.startsWith("interrupt")) {
            kind = INTERRUPTED;
        } else {
            kind = OTHER;
        }
        return EnumSet.of(kind);
    }

    /** The kinds a V8 {@code WebAssembly.RuntimeError} message can stand for. */
    public static Set<TrapKind> ofV8(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.equals("unreachable") || m.startsWith("unreachable")) {
            return EnumSet.of(UNREACHABLE);
        }
        if (m.startsWith("memory access out of bounds") || m.startsWith("data segment")) {
            return EnumSet.of(MEMORY_OUT_OF_BOUNDS);
        }
        if (m.startsWith("table index is out of bounds") || m.startsWith("invalid index into function table") || m.startsWith("element segment")) {
            return EnumSet.of(TABLE_OUT_OF_BOUNDS);
        }
        if (m.startsWith("null function or function signature mismatch")) {
            return EnumSet.of(UNINITIALIZED_ELEMENT, INDIRECT_CALL_TYPE_MISMATCH);
        }
        if (m.startsWith("function signature mismatch")) {
            return EnumSet.of(INDIRECT_CALL_TYPE_MISMATCH);
        }
        if (m.startsWith("divide by zero") || m.startsWith("remainder by zero")) {
            return EnumSet.of(INTEGER_DIVIDE_BY_ZERO);
        }
        if (m.startsWith("divide result unrepresentable")) {
            return EnumSet.of(INTEGER_OVERFLOW);
        }
        if (m.startsWith("float unrepresentable in integer range")) {
            return EnumSet.of(INVALID_CONVERSION, INTEGER_OVERFLOW);
        }
        if (m.startsWith("dereferencing a null pointer")) {
            return EnumSet.of(NULL_REFERENCE);
        }
        if (m.contains("maximum call stack size exceeded")) {
            return EnumSet.of(STACK_EXHAUSTED);
        }
        if (m.contains("out of memory")) {
            return EnumSet.of(OUT_OF_MEMORY);
        }
        return EnumSet.of(OTHER);
    }

    /** Whether two traps' kinds can be the same trap. */
    public static boolean compatible(Set<TrapKind> a, Set<TrapKind> b) {
        for (TrapKind kind : a) {
            if (kind != OTHER && b.contains(kind)) {
                return true;
            }
        }
        return false;
    }

    /** The kinds as a signature word: {@code memory-out-of-bounds}, {@code uninitialized-element|indirect-call-type-mismatch}. */
    public static String slug(Set<TrapKind> kinds) {
        return String.join("|", kinds.stream().map(TrapKind::slug).toList());
    }
}
