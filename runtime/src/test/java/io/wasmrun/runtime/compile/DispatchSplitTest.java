package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.Strategy;
import io.wasmrun.Trap;
import io.wasmrun.TrapKind;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.text.Wat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A module of thousands of functions gets Chicory's range dispatch classes, for {@code
 * call_indirect} through a type more than 1,024 functions have and for {@code Machine.call};
 * {@link DispatchSplit} cuts them into classes of 256 indices, every method small enough for
 * HotSpot to compile, and calls land where the interpreter lands, traps included.
 */
class DispatchSplitTest {
    /** Functions of type {@code $k} (index i returns i), more than one range of 4,096. */
    private static final int FUNCTIONS = 5_000;
    /** Functions exported by their index, called through {@code Machine.call}. */
    private static final int[] EXPORTED = {0, 255, 256, 3_000, 4_095, 4_096, 4_999};
    private static final byte[] MODULE = module();

    @Test
    void theRangeClassesAreSplitIntoSmallOnes() {
        ClassJar jar = new ModuleCompiler(CompileCache.NONE).compile(Parser.parse(MODULE));
        // call_indirect: the 5,000 functions of $k; Machine.call: every function, pick too
        assertSplit(jar, "Indirect_\\d+_\\d+", FUNCTIONS);
        assertSplit(jar, "Dispatch_\\d+", FUNCTIONS + 1);
    }

    private static void assertSplit(ClassJar jar, String range, int indices) {
        List<String> dispatchers = jar.classes().keySet().stream().filter(n -> n.matches(".*" + range)).toList();
        Map<String, byte[]> parts = jar.classes().entrySet().stream()
                .filter(e -> e.getKey().matches(".*" + range + "_\\d+"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(2, dispatchers.size(), "indices 0-4095 and 4096 on: " + dispatchers);
        int size = DispatchSplit.PART_SIZE;
        assertEquals(4_096 / size + (indices - 4_096 + size - 1) / size, parts.size(), "one part per " + size + " indices");
        for (String name : dispatchers) {
            assertTrue(ClassRewriter.methodsOver(jar.classes().get(name), 8_000).isEmpty(), name + " is small enough to compile");
        }
        parts.forEach((name, bytes) -> assertTrue(ClassRewriter.methodsOver(bytes, 8_000).isEmpty(), name));
    }

    @Test
    void callsThroughTheTableRunAsInTheInterpreter() {
        try (var compiled = WasmRuntime.builder().withStrategy(Strategy.COMPILER).build();
                var interpreted = WasmRuntime.builder().withStrategy(Strategy.INTERPRETER).build();
                var viaClasses = compiled.instantiate(compiled.load("dispatch.wasm", MODULE), new Linker());
                var viaInterpreter = interpreted.instantiate(interpreted.load("dispatch.wasm", MODULE), new Linker())) {
            for (int index : new int[] {0, 1, 255, 256, 257, 2_048, 4_095, 4_096, 4_352, 4_999}) {
                assertEquals(index, viaClasses.call("pick", index)[0], "entry " + index);
                assertEquals(viaInterpreter.call("pick", index)[0], viaClasses.call("pick", index)[0]);
            }
            for (int index : EXPORTED) {
                assertEquals(index, viaClasses.call("f" + index)[0], "function " + index);
            }
            var traps = Map.of(
                    FUNCTIONS, TrapKind.INDIRECT_CALL_TYPE_MISMATCH,
                    FUNCTIONS + 1, TrapKind.UNINITIALIZED_ELEMENT,
                    FUNCTIONS + 2, TrapKind.UNDEFINED_ELEMENT);
            traps.forEach((index, kind) -> {
                assertEquals(kind, assertThrows(Trap.class, () -> viaInterpreter.call("pick", index)).kind());
                assertEquals(kind, assertThrows(Trap.class, () -> viaClasses.call("pick", index)).kind(), "entry " + index);
            });
        }
    }

    /**
     * {@code FUNCTIONS} functions of type {@code $k}, each in the table at its own index; then
     * {@code pick} (another type) at {@code FUNCTIONS} and a null entry after it; and the functions
 * {@link #EXPORTED} exported as {@code f<index>}.
     */
    private static byte[] module() {
        var text = new StringBuilder("(module (type $k (func (result i32)))\n");
        text.append("  (table ").append(FUNCTIONS + 2).append(" funcref)\n");
        var elements = new StringBuilder();
        for (int i = 0; i < FUNCTIONS; i++) {
            text.append("  (func (type $k) (i32.const ").append(i).append("))\n");
            elements.append(' ').append(i);
        }
        text.append("  (func (export \"pick\") (param i32) (result i32) (call_indirect (type $k) (local.get 0)))\n");
        text.append("  (elem (i32.const 0)").append(elements).append(' ').append(FUNCTIONS).append(")\n");
        for (int index : EXPORTED) {
            text.append("  (export \"f").append(index).append("\" (func ").append(index).append("))\n");
        }
        text.append(")\n");
        return Wat.toBinary(text.toString(), "dispatch.wat");
    }
}
