package io.wasmrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.ModuleLoadException;
import org.junit.jupiter.api.Test;

/**
 * Modules on which Chicory 1.7.5's decoder fails with a Java exception are reported with
 * wasmrun's own one-line message naming the file and the problem; the Java exception stays the
 * cause.
 */
class DecoderFailuresTest {
    private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};
    /** One type () -> () and one function of that type. */
    private static final byte[] ONE_FUNCTION = {1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0};

    @Test
    void aBodyGoingOnAfterItsClosingEndIsMalformed() {
        // end end: Chicory's validator pops an empty control stack (IndexOutOfBoundsException)
        assertProblem(ModuleLoadException.Kind.MALFORMED,
                "end2.wasm: malformed module: section size mismatch: a function body goes on after the `end` that closes it",
                IndexOutOfBoundsException.class, "end2.wasm", body(0x0b, 0x0b));
        // end end end: Chicory's parser reaches a null ControlTree (NullPointerException)
        assertProblem(ModuleLoadException.Kind.MALFORMED,
                "end3.wasm: malformed module: section size mismatch: a function body goes on after the `end` that closes it",
                NullPointerException.class, "end3.wasm", body(0x0b, 0x0b, 0x0b));
        assertProblem(ModuleLoadException.Kind.MALFORMED,
                "nop.wasm: malformed module: section size mismatch: a function body goes on after the `end` that closes it",
                NullPointerException.class, "nop.wasm", body(0x0b, 0x0b, 0x01, 0x0b));
    }

    @Test
    void aBranchPastTheOutermostBlockIsAnUnknownLabel() {
        // br 2 at depth 0: Chicory's parser walks past the function's control tree
        assertProblem(ModuleLoadException.Kind.INVALID,
                "br.wasm: invalid module: unknown label: a branch names a block that is not open",
                NullPointerException.class, "br.wasm", body(0x0c, 0x02, 0x0b));
    }

    @Test
    void anUnknownPrefixedOpcodeIsIllegal() {
        // 0xFC 0xFF 0x7F (prefix 0xFC, sub-opcode 16383): Chicory indexes its opcode table with it
        assertProblem(ModuleLoadException.Kind.MALFORMED,
                "op.wasm: malformed module: illegal opcode",
                ArrayIndexOutOfBoundsException.class, "op.wasm", body(0xfc, 0xff, 0x7f, 0x0b));
    }

    private static void assertProblem(
            ModuleLoadException.Kind kind, String message, Class<? extends Throwable> cause, String name, byte[] module) {
        try (var runtime = WasmRuntime.builder().build()) {
            var error = assertThrows(ModuleLoadException.class, () -> runtime.load(name, module));
            assertEquals(message, error.getMessage());
            assertEquals(kind, error.kind());
            assertInstanceOf(cause, error.getCause());
        }
    }

    /** A module of one function whose body (after a local count of 0) is {@code code}. */
    private static byte[] body(int... code) {
        int size = code.length + 1;
        byte[] module = new byte[HEADER.length + ONE_FUNCTION.length + 5 + code.length];
        System.arraycopy(HEADER, 0, module, 0, HEADER.length);
        System.arraycopy(ONE_FUNCTION, 0, module, HEADER.length, ONE_FUNCTION.length);
        int at = HEADER.length + ONE_FUNCTION.length;
        module[at++] = 10; // code section
        module[at++] = (byte) (size + 2);
        module[at++] = 1; // one body
        module[at++] = (byte) size;
        module[at++] = 0; // no locals
        for (int b : code) {
            module[at++] = (byte) b;
        }
        return module;
    }
}
