package io.wasmrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.compile.DiskCompileCache;
import io.wasmrun.runtime.engine.FunctionBodySource;
import io.wasmrun.runtime.engine.StackFloor;
import io.wasmrun.text.Wat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile-cache hit for classes that leave functions to Chicory's interpreter (too large for a
 * JVM method) decodes none of the module's bodies up front; an interpreted function's body is
 * decoded when an instance first calls it ({@link LazyFunctionBodies}), from compiled code, from
 * another interpreted function or through a table, and the module runs as on the miss that
 * compiled it.
 */
class InterpretedBodiesOnHitTest {
    /** Function indices: the import is 0. */
    private static final int SMALL = 1;
    private static final int BIG = 2;
    private static final int CALLER = 3;
    private static final int UNCALLED = 4;
    /** Additions in each large function: too many for a JVM method. */
    private static final long N = 10_000;

    @TempDir Path dir;

    @Test
    void eachInterpretedBodyIsDecodedWhenFirstCalledAndRunsTheSame() {
        byte[] bytes = Wat.toBinary(module(""), "big.wat");
        Function<WasmInstance, List<Long>> calls = instance -> List.of(
                instance.call("small", 5)[0], instance.call("big", 1)[0], instance.call("caller", 2)[0],
                instance.call("indirect", 3)[0]);

        List<Long> miss = run(bytes, calls, false);
        assertEquals(List.of(7L + 5, 1 + N * 2, 2 + N * 3 + N * 2 + 1, 3 + N * 3 + N * 2 + 1), miss);
        assertEquals(miss, run(bytes, calls, true));

        try (var runtime = runtime(); var instance = runtime.instantiate(runtime.load("big.wasm", bytes), linker())) {
            var bodies = lateBodies(instance);
            assertTrue(body(instance, BIG).instructions().isEmpty(), "no body is decoded before a call");
            assertTrue(body(instance, SMALL).instructions().isEmpty(), "a compiled function's body is never decoded");

            assertEquals(5 + N * 2, instance.call("big", 5)[0]);
            assertTrue(bodies.decoded(BIG - 1), "the called function's body is decoded");
            assertFalse(bodies.decoded(CALLER - 1), "a function not called is not decoded");
            assertFalse(bodies.decoded(UNCALLED - 1), "a function not called is not decoded");
            assertEquals(describe(Parser.parse(bytes).codeSection().getFunctionBody(BIG - 1)), describe(body(instance, BIG)),
                    "the body is decoded as a full decode does");

            assertEquals(2 + N * 3 + N * 2 + 1, instance.call("caller", 2)[0]);
            assertTrue(bodies.decoded(CALLER - 1));
            assertFalse(bodies.decoded(UNCALLED - 1));
            assertFalse(bodies.decodedAll(), "no tail call, so the module is not decoded whole");
            assertTrue(body(instance, SMALL).instructions().isEmpty(), "a compiled function's body is never decoded");
        }
    }

    @Test
    void anInterpretedTailCallIntoACompiledFunctionGetsEveryBody() {
        byte[] bytes = Wat.toBinary(module("(func (export \"tail\") (param i32) (result i32) "
                + bigBody(2) + " (return_call 1))"), "tail.wat");
        Function<WasmInstance, List<Long>> calls = instance -> List.of(instance.call("tail", 4)[0]);

        List<Long> miss = run(bytes, calls, false);
        assertEquals(List.of(4 + N * 4 + 7), miss);
        assertEquals(miss, run(bytes, calls, true));
        try (var runtime = runtime(); var instance = runtime.instantiate(runtime.load("tail.wasm", bytes), linker())) {
            instance.call("tail", 4);
            assertTrue(lateBodies(instance).decodedAll());
            assertFalse(body(instance, SMALL).instructions().isEmpty(), "the tail call's compiled target has its body");
        }
    }

    @Test
    void theStackFloorIsRecordedWithTheClassesAndInPlaceBeforeTheBodies() {
        String blocks = "(func (export \"blocks\") (param i32) (result i32) " + bigBody(2)
                + " (i32.const 1) (i32.const 2) (block (param i32 i32) (result i32) (i32.add)) (i32.add))";
        byte[] bytes = Wat.toBinary(module(blocks), "floor.wat");
        WasmModule full = Parser.parse(bytes);
        assertTrue(StackFloor.of(full) >= 2, "the module needs a floor");
        Function<WasmInstance, List<Long>> calls = instance -> List.of(instance.call("blocks", 1)[0]);

        List<Long> miss = run(bytes, calls, false);
        assertEquals(List.of(1 + N * 4 + 3), miss);
        try (var runtime = runtime()) {
            var hit = runtime.load("floor.wasm", bytes);
            assertEquals(StackFloor.of(full), hit.interpreterStackFloor());
            try (var instance = runtime.instantiate(hit, linker())) {
                assertEquals(miss, calls.apply(instance));
            }
        }
    }

    @Test
    void whereInstancesCannotTakeBodiesLateTheyAreDecodedUpFront() {
        byte[] bytes = Wat.toBinary(module(""), "big.wat");
        var declarations = DeclarationDecoder.decode(bytes, "digest", Set.of(BIG, UNCALLED), () -> Parser.parse(bytes), false);
        assertNull(declarations.bodies());
        FunctionBody[] bodies = declarations.module().codeSection().functionBodies();
        FunctionBody[] full = Parser.parse(bytes).codeSection().functionBodies();
        assertEquals(describe(full[BIG - 1]), describe(bodies[BIG - 1]));
        assertEquals(describe(full[UNCALLED - 1]), describe(bodies[UNCALLED - 1]));
        assertTrue(bodies[SMALL - 1].instructions().isEmpty());
        assertTrue(bodies[CALLER - 1].instructions().isEmpty());
    }

    /**
     * An import, then: {@code small} (compiled), {@code big}, {@code caller} (calls {@code big}),
     * an uncalled function, all three too large for a JVM method; {@code indirect} calls {@code
     * caller} through a table; then {@code extra}.
     */
    private static String module(String extra) {
        return "(module (import \"env\" \"seven\" (func $seven (result i32))) (memory 1)\n"
                + "  (data (i32.const 0) \"\\02\\03\\04\\05\")\n"
                + "  (type $i (func (param i32) (result i32)))\n"
                + "  (table 1 funcref) (elem (i32.const 0) 3)\n"
                + "  (func (export \"small\") (param i32) (result i32) (i32.add (local.get 0) (call $seven)))\n"
                + "  (func (export \"big\") (param i32) (result i32) " + bigBody(0) + ")\n"
                + "  (func (export \"caller\") (param i32) (result i32) " + bigBody(1) + " (call 2) (i32.add (i32.const 1)))\n"
                + "  (func (export \"uncalled\") (param i32) (result i32) " + bigBody(3) + ")\n"
                + "  (func (export \"indirect\") (param i32) (result i32) (call_indirect (type $i) (local.get 0) (i32.const 0)))\n"
                + "  " + extra + ")\n";
    }

    /** Adds the byte at address {@code at} to the parameter {@link #N} times: code too large to compile. */
    private static String bigBody(int at) {
        var body = new StringBuilder("(local.get 0)\n");
        for (int i = 0; i < N; i++) {
            body.append("    (i32.add (i32.load8_u (i32.const ").append(at).append(")))\n");
        }
        return body.toString();
    }

    /** The exports' results on a fresh load through the test's cache: the miss, or a hit when {@code cached}. */
    private List<Long> run(byte[] bytes, Function<WasmInstance, List<Long>> calls, boolean cached) {
        try (var runtime = runtime()) {
            var module = runtime.load("big.wasm", bytes);
            assertEquals(cached, module.wasm().codeSection().getFunctionBody(BIG - 1).instructions().isEmpty(),
                    cached ? "a hit decodes no body up front" : "a miss decodes every body");
            try (var instance = runtime.instantiate(module, linker())) {
                return calls.apply(instance);
            }
        }
    }

    private WasmRuntime runtime() {
        return WasmRuntime.builder()
                .withStrategy(Strategy.COMPILER)
                .withCompileCache(new DiskCompileCache(dir))
                .skipBodiesOnCacheHit(true)
                .build();
    }

    private static Linker linker() {
        return new Linker().define(new HostFunction(
                "env", "seven", FunctionType.of(List.of(), List.of(ValType.I32)), (instance, args) -> new long[] {7}));
    }

    private static LazyFunctionBodies lateBodies(WasmInstance instance) {
        var holder = (FunctionBodySource.Holder) instance.chicory().getMachine().getClass().getClassLoader();
        return (LazyFunctionBodies) holder.functionBodies();
    }

    private static FunctionBody body(WasmInstance instance, int funcId) {
        return instance.chicory().function(funcId);
    }

    /** A body's locals and its instructions' opcodes and operands (not their addresses). */
    private static String describe(FunctionBody body) {
        var out = new StringBuilder(body.localTypes().toString());
        for (var instruction : body.instructions()) {
            out.append(' ').append(instruction.opcode()).append(Arrays.toString(instruction.operands()));
        }
        return out.toString();
    }
}
