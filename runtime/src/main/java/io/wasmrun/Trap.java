package io.wasmrun;

import java.util.List;

/**
 * A WebAssembly trap: execution stopped because the guest did something the spec forbids
 * (divide by zero, out-of-bounds access, {@code unreachable}, exhausted stack, timeout).
 *
 * <p>{@link #kind()} says which trap; {@link #reason()} is the spec's wording ({@code integer
 * divide by zero}), sometimes followed by a detail of wasmrun's; {@link #backtrace()} lists the
 * wasm functions on the stack, innermost first, when the engine can tell.
 */
public final class Trap extends WasmrunException {
    private final TrapKind kind;
    private final String reason;
    private final List<String> backtrace;

    /**
     * @param reason the spec's words for the trap, optionally followed by a detail
     * @param backtrace wasm frames, innermost first
     * @param cause what the engine threw, or null
     */
    public Trap(String reason, List<String> backtrace, Throwable cause) {
        super("wasm trap: " + reason, cause);
        this.kind = TrapKind.of(reason);
        this.reason = reason;
        this.backtrace = List.copyOf(backtrace);
    }

    /** Which trap this is. */
    public TrapKind kind() {
        return kind;
    }

    /** The trap in the spec's words, e.g. {@code out of bounds memory access}. */
    public String reason() {
        return reason;
    }

    /** Wasm frames, innermost first, e.g. {@code divide (func 3)}; empty when unknown. */
    public List<String> backtrace() {
        return backtrace;
    }

    /** The trap line followed by an indented backtrace, as the CLI prints it. */
    public String describe() {
        var sb = new StringBuilder(getMessage());
        if (!backtrace.isEmpty()) {
            sb.append("\nwasm backtrace:");
            for (int i = 0; i < backtrace.size(); i++) {
                sb.append(String.format("%n  %3d: %s", i, backtrace.get(i)));
            }
        }
        return sb.toString();
    }
}
