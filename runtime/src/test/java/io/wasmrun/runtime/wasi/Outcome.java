package io.wasmrun.runtime.wasi;

import com.dylibso.chicory.wasm.ChicoryException;
import io.wasmrun.Trap;
import io.wasmrun.WasmrunException;
import java.util.Arrays;

/**
 * How one call of a WASI function through the guest ended: it returned an errno, it trapped
 * cleanly, or an internal error of the host reached the caller.
 *
 * <p>A trap is clean when it is a {@link Trap} and everything in its cause chain is a trap or
 * error of the wasm machinery ({@link ChicoryException}, {@link WasmrunException}). A trap made
 * from, say, a {@code NegativeArraySizeException} or an {@code OutOfMemoryError} is an internal
 * error that happened to be classified as a trap, and counts as {@link Crashed}.
 */
sealed interface Outcome {

    /** The function returned this errno. */
    record Returned(int errno) implements Outcome {
        @Override
        public String toString() {
            return "returned " + Abi.errnoName(errno);
        }
    }

    /** The call trapped, cleanly. */
    record Trapped(Trap trap) implements Outcome {
        @Override
        public String toString() {
            return "trapped (" + trap.reason() + ")";
        }
    }

    /** Something else than a clean trap or an errno came out: a host bug. */
    record Crashed(Throwable error) implements Outcome {
        @Override
        public String toString() {
            var sb = new StringBuilder("internal error reached the caller: ").append(error);
            for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                sb.append(" <- ").append(t);
            }
            StackTraceElement[] trace = innermost(error).getStackTrace();
            Arrays.stream(trace).limit(4).forEach(frame -> sb.append("\n    at ").append(frame));
            return sb.toString();
        }

        private static Throwable innermost(Throwable error) {
            Throwable t = error;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t;
        }
    }

    /** Classifies what a guest call threw. */
    static Outcome of(Throwable thrown) {
        if (thrown instanceof Trap trap && cleanChain(trap)) {
            return new Trapped(trap);
        }
        return new Crashed(thrown);
    }

    private static boolean cleanChain(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof ChicoryException) && !(t instanceof WasmrunException)) {
                return false;
            }
        }
        return true;
    }
}
