package io.wasmrun.runtime;

import java.util.List;

/**
 * A WebAssembly trap: execution stopped because the guest did something the spec forbids
 * (divide by zero, out-of-bounds access, {@code unreachable}, exhausted stack, timeout).
 *
 * <p>{@link #kind()} is the spec's wording ({@code integer divide by zero}); {@link #backtrace()}
 * lists the wasm functions on the stack, innermost first, when the engine can tell.
 */
public final class WasmTrap extends WasmrunException {
    private final String kind;
    private final List<String> backtrace;

    public WasmTrap(String kind, List<String> backtrace, Throwable cause) {
        super("wasm trap: " + kind, cause);
        this.kind = kind;
        this.backtrace = List.copyOf(backtrace);
    }

    /** The trap kind in the spec's words, e.g. {@code out of bounds memory access}. */
    public String kind() {
        return kind;
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
