package io.wasmrun;

import java.util.Locale;

/**
 * Why a guest trapped, one constant per trap the spec names (plus the runtime's own: interrupt,
 * out of memory). {@link #text()} is the spec's wording, which {@link Trap#reason()} starts with
 * in every engine and allocator.
 */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    MEMORY_OUT_OF_BOUNDS("out of bounds memory access"),
    TABLE_OUT_OF_BOUNDS("out of bounds table access"),
    ARRAY_OUT_OF_BOUNDS("out of bounds array access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    UNALIGNED_ATOMIC("unaligned atomic"),
    NULL_FUNCTION_REFERENCE("null function reference"),
    NULL_STRUCTURE_REFERENCE("null structure reference"),
    NULL_ARRAY_REFERENCE("null array reference"),
    NULL_I31_REFERENCE("null i31 reference"),
    CAST_FAILURE("cast failure"),
    UNCAUGHT_EXCEPTION("uncaught exception"),
    STACK_EXHAUSTED("call stack exhausted"),
    /** The call was interrupted: a timeout elapsed or the store was interrupted. */
    INTERRUPT("interrupt"),
    /** The JVM ran out of memory while the guest ran. */
    OUT_OF_MEMORY("out of memory"),
    /** A trap the engine reported in words that are none of the above. */
    OTHER("trap");

    private static final TrapKind[] VALUES = values();

    private final String text;

    TrapKind(String text) {
        this.text = text;
    }

    /** The spec's words for this trap, e.g. {@code out of bounds memory access}. */
    public String text() {
        return text;
    }

    /** The kind whose words {@code reason} starts with; {@link #OTHER} when none. */
    public static TrapKind of(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        for (TrapKind kind : VALUES) {
            if (kind != OTHER && lower.startsWith(kind.text)) {
                return kind;
            }
        }
        return OTHER;
    }
}
