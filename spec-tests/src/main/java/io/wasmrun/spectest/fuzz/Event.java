package io.wasmrun.spectest.fuzz;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One thing that happened while a module ran, in the order both oracles report them. */
public sealed interface Event {

    /** The module does not compile or load (malformed, invalid or unsupported). */
    record Rejected(String message) implements Event {
        @Override
        public String toString() {
            return "rejected: " + message;
        }
    }

    /** Instantiation failed to link an import. */
    record LinkFailed(String message) implements Event {
        @Override
        public String toString() {
            return "link error: " + message;
        }
    }

    /** An exported function is called with zero arguments. */
    record Call(String export) implements Event {
        @Override
        public String toString() {
            return "call " + export;
        }
    }

    /** A {@code fuzzing-support} logging import was called. */
    record Log(List<Value> values) implements Event {
        @Override
        public String toString() {
            return "log " + values.stream().map(Value::describe).collect(Collectors.joining(" "));
        }
    }

    /** The call returned these results. */
    record Returned(List<Value> values) implements Event {
        @Override
        public String toString() {
            return values.isEmpty() ? "returned" : "returned " + values.stream().map(Value::describe).collect(Collectors.joining(" "));
        }
    }

    /**
     * The call, or instantiation when no call came before, trapped.
     *
     * @param message the engine's message
     * @param kinds the spec kinds the message can stand for
     * @param site the instruction that trapped (e.g. {@code memory.init}) when the engine says, or
     *     null; V8 does, from the byte offset of its innermost wasm frame
     */
    record Trapped(String message, Set<TrapKind> kinds, String site) implements Event {
        static Trapped ofWasmrun(String message) {
            return new Trapped(message, TrapKind.ofWasmrun(message), null);
        }

        static Trapped ofV8(String message, String site) {
            return new Trapped(message, TrapKind.ofV8(message), site == null || site.isEmpty() ? null : site);
        }

        /** The kinds and the site as a signature word: {@code memory-out-of-bounds@memory.init}. */
        String slug() {
            return TrapKind.slug(kinds) + (site == null ? "" : "@" + site);
        }

        @Override
        public String toString() {
            return "trap " + TrapKind.slug(kinds) + (site == null ? "" : " at " + site) + " (" + message + ")";
        }
    }

    /**
     * The exported memory's state after a call that trapped and after the last call: its size
     * in pages and a hash of its bytes ({@code 16:1a2b3c4d}), so that what a store or bulk
     * operation wrote before it trapped, or wrote where nothing reads it back, is compared too.
     */
    record MemoryState(String state) implements Event {
        @Override
        public String toString() {
            return "memory " + state;
        }
    }

    /**
     * The stack overflowed. Engines differ in how deep they go, so nothing from here on is
     * compared (binaryen's harness treats it as a host limit too).
     */
    record Exhausted() implements Event {
        @Override
        public String toString() {
            return "call stack exhausted";
        }
    }

    /**
     * The run stopped for a reason that says nothing about the module: a host limit (out of
     * memory, a pool too small), a timeout. Nothing from here on is compared.
     */
    record Stopped(String reason) implements Event {
        @Override
        public String toString() {
            return "stopped: " + reason;
        }
    }

    /**
     * Something other than a trap or a wasmrun error reached the embedder (a Java exception
     * escaping wasmrun), or the oracle's harness failed. Always a failure.
     *
     * @param signature the exception class and where it was thrown, e.g.
     *     {@code java.lang.IndexOutOfBoundsException@OpcodeImpl.TABLE_INIT}
     * @param detail its message and stack, for the report
     */
    record Escaped(String signature, String detail) implements Event {
        @Override
        public String toString() {
            return "escaped " + signature + ": " + detail;
        }
    }
}
