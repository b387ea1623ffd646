package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrapKindTest {
    @Test
    void readsWasmrunsSpecWordingIgnoringDetails() {
        assertEquals(Set.of(TrapKind.MEMORY_OUT_OF_BOUNDS),
                TrapKind.ofWasmrun("out of bounds memory access: attempted to access address: 65552 but limit is: 65536 and size: 2"));
        assertEquals(Set.of(TrapKind.UNINITIALIZED_ELEMENT), TrapKind.ofWasmrun("uninitialized element 3"));
        assertEquals(Set.of(TrapKind.TABLE_OUT_OF_BOUNDS), TrapKind.ofWasmrun("undefined element"));
        assertEquals(Set.of(TrapKind.TABLE_OUT_OF_BOUNDS), TrapKind.ofWasmrun("out of bounds table access"));
        assertEquals(Set.of(TrapKind.UNREACHABLE), TrapKind.ofWasmrun("unreachable"));
        assertEquals(Set.of(TrapKind.INTEGER_OVERFLOW), TrapKind.ofWasmrun("integer overflow"));
        assertEquals(Set.of(TrapKind.STACK_EXHAUSTED), TrapKind.ofWasmrun("call stack exhausted"));
        assertEquals(Set.of(TrapKind.OTHER), TrapKind.ofWasmrun("something new"));
    }

    @Test
    void readsV8sMessagesAsEveryKindTheyCanMean() {
        assertEquals(Set.of(TrapKind.MEMORY_OUT_OF_BOUNDS), TrapKind.ofV8("memory access out of bounds"));
        assertEquals(Set.of(TrapKind.TABLE_OUT_OF_BOUNDS), TrapKind.ofV8("table index is out of bounds"));
        assertEquals(Set.of(TrapKind.INTEGER_DIVIDE_BY_ZERO), TrapKind.ofV8("divide by zero"));
        assertEquals(Set.of(TrapKind.INTEGER_DIVIDE_BY_ZERO), TrapKind.ofV8("remainder by zero"));
        assertEquals(Set.of(TrapKind.INTEGER_OVERFLOW), TrapKind.ofV8("divide result unrepresentable"));
        assertEquals(EnumSet.of(TrapKind.INVALID_CONVERSION, TrapKind.INTEGER_OVERFLOW), TrapKind.ofV8("float unrepresentable in integer range"));
        assertEquals(EnumSet.of(TrapKind.UNINITIALIZED_ELEMENT, TrapKind.INDIRECT_CALL_TYPE_MISMATCH),
                TrapKind.ofV8("null function or function signature mismatch"));
        assertEquals(Set.of(TrapKind.STACK_EXHAUSTED), TrapKind.ofV8("Maximum call stack size exceeded"));
    }

    @Test
    void trapsMatchWhenTheirKindsCanBeTheSame() {
        Set<TrapKind> v8NullOrMismatch = TrapKind.ofV8("null function or function signature mismatch");
        assertTrue(TrapKind.compatible(v8NullOrMismatch, TrapKind.ofWasmrun("uninitialized element 7")));
        assertTrue(TrapKind.compatible(v8NullOrMismatch, TrapKind.ofWasmrun("indirect call type mismatch")));
        assertFalse(TrapKind.compatible(v8NullOrMismatch, TrapKind.ofWasmrun("undefined element")), "an index past the table is another trap");

        Set<TrapKind> v8Unrepresentable = TrapKind.ofV8("float unrepresentable in integer range");
        assertTrue(TrapKind.compatible(v8Unrepresentable, TrapKind.ofWasmrun("invalid conversion to integer")), "NaN");
        assertTrue(TrapKind.compatible(v8Unrepresentable, TrapKind.ofWasmrun("integer overflow")), "out of range");
        assertFalse(TrapKind.compatible(TrapKind.ofV8("divide result unrepresentable"), TrapKind.ofWasmrun("integer divide by zero")));
        assertFalse(TrapKind.compatible(TrapKind.ofV8("memory access out of bounds"), TrapKind.ofWasmrun("out of bounds table access")));
        assertFalse(TrapKind.compatible(Set.of(TrapKind.OTHER), Set.of(TrapKind.OTHER)), "unknown messages never match by kind");
    }

    @Test
    void slugsAreSignatureWords() {
        assertEquals("memory-out-of-bounds", TrapKind.MEMORY_OUT_OF_BOUNDS.slug());
        assertEquals("uninitialized-element|indirect-call-type-mismatch",
                TrapKind.slug(TrapKind.ofV8("null function or function signature mismatch")));
    }
}
