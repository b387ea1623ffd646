package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryMutationTest {
    @Test
    void cleanMessagesSayWhatIsWrongInWasmTerms() {
        assertNull(BinaryMutation.leak("m.wasm: malformed: section size mismatch"));
        assertNull(BinaryMutation.leak("m.wasm: invalid module: type mismatch: instruction requires [i32] but stack has []"));
        assertNull(BinaryMutation.leak("m.wasm: not a WebAssembly module (no \\0asm magic number at the start)"));
    }

    @Test
    void javaExceptionTextIsALeak() {
        assertEquals("java-class-name", BinaryMutation.leak("m.wasm: malformed: java.lang.ArrayIndexOutOfBoundsException: 5"));
        assertEquals("java-class-name", BinaryMutation.leak("m.wasm: malformed: BufferUnderflowException"));
        assertEquals("jdk-index-message", BinaryMutation.leak("m.wasm: malformed: Index 5 out of bounds for length 3"));
        assertEquals("jdk-message", BinaryMutation.leak("m.wasm: Cannot invoke \"Object.toString()\" because \"x\" is null"));
        assertEquals("null", BinaryMutation.leak("m.wasm: malformed: null"));
    }

    @Test
    void mutationsAreDeterministicAndChangeTheBytes() {
        byte[] module = new byte[200];
        for (int i = 0; i < module.length; i++) {
            module[i] = (byte) i;
        }
        int changed = 0;
        for (int i = 0; i < 50; i++) {
            byte[] a = BinaryMutation.mutate(module, new SplittableRandom(i));
            byte[] b = BinaryMutation.mutate(module, new SplittableRandom(i));
            assertEquals(Arrays.toString(a), Arrays.toString(b));
            if (!Arrays.equals(a, module)) {
                changed++;
            }
        }
        assertFalse(changed < 45, "most mutants differ from the original: " + changed);
    }
}
