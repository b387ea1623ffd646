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
 * A function type with more than 1,024 functions gets Chicory's range dispatch classes for {@code
 * call_indirect}; {@link IndirectDispatchSplit} cuts them into classes of 256 indices, every method
 * small enough for HotSpot to compile, and calls through the table land where the interpreter
 * lands, traps included.
 */
class IndirectDispatchSplitTest {
    /** Functions of type {@code $k} (index i returns i), more than one range of 4,096. */
    private static final int FUNCTIONS = 5_000;
    private static final byte[] MODULE = module();

    @Test
    void theRangeClassesAreSplitIntoSmallOnes() {
        ClassJar jar = new ModuleCompiler(CompileCache.NONE).compile(Parser.parse(MODULE));
        List<String> dispatchers = jar.classes().keySet().stream().filter(n -> n.matches(".*Indirect_\\d+_\\d+")).toList();
        Map<String, byte[]> parts = jar.classes().entrySet().stream()
                .filter(e -> e.getKey().matches(".*Indirect_\\d+_\\d+_\\d+"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(2, dispatchers.size(), "indices 0-4095 and 4096-4999: " + dispatchers);
        assertEquals(4_096 / IndirectDispatchSplit.PART_SIZE + 1 + (FUNCTIONS - 4_097) / IndirectDispatchSplit.PART_SIZE,
                parts.size(), "one part per " + IndirectDispatchSplit.PART_SIZE + " indices");
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
     * {@code pick} (another type) at {@code FUNCTIONS} and a null entry after it.
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
        text.append("  (elem (i32.const 0)").append(elements).append(' ').append(FUNCTIONS).append("))\n");
        return Wat.toBinary(text.toString(), "dispatch.wat");
    }
}
