package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.Engine;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Store;
import io.wasmrun.Strategy;
import io.wasmrun.Trap;
import io.wasmrun.TrapKind;
import io.wasmrun.Val;
import io.wasmrun.text.Wat;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The loads, stores and interrupt checks in the memory loops of a large function become call
 * sites, the others stay calls, and the rewritten code computes, traps and stops on a timeout as
 * the interpreter does.
 */
class HelperCallRewriteTest {
    /** Stores outside any loop: enough to make {@code copy} a large function. */
    private static final int PROLOGUE_STORES = 72;

    /**
     * {@code copy(dst, src, n)}: 72 byte stores at 0..71, then a loop of n rounds that copies 32
     * bytes from src to dst per round with every access width (12 loads and stores), and returns
     * the sum of what it loaded; {@code spin(p)} loops forever over 8 accesses at p.
     */
    private static String module() {
        return module(PROLOGUE_STORES);
    }

    private static String module(int prologueStores) {
        var wat = new StringBuilder("(module (memory (export \"memory\") 1)\n");
        wat.append("(func (export \"copy\") (param $d i32) (param $s i32) (param $n i32) (result i64) (local $sum i64)\n");
        for (int i = 0; i < prologueStores; i++) {
            wat.append("  (i32.store8 (i32.const ").append(i).append(") (i32.const ").append(i + 1).append("))\n");
        }
        wat.append("""
                  (block $done (loop $next
                    (br_if $done (i32.eqz (local.get $n)))
                    (i32.store8 (local.get $d) (i32.load8_u (local.get $s)))
                    (i32.store16 offset=2 (local.get $d) (i32.load16_u offset=2 (local.get $s)))
                    (i32.store offset=4 (local.get $d) (i32.load offset=4 (local.get $s)))
                    (i64.store offset=8 (local.get $d) (i64.load offset=8 (local.get $s)))
                    (f32.store offset=16 (local.get $d) (f32.load offset=16 (local.get $s)))
                    (f64.store offset=24 (local.get $d) (f64.load offset=24 (local.get $s)))
                    (local.set $sum (i64.add (local.get $sum) (i64.load offset=8 (local.get $d))))
                    (local.set $d (i32.add (local.get $d) (i32.const 32)))
                    (local.set $s (i32.add (local.get $s) (i32.const 32)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $next)))
                  (local.get $sum))
                (func (export "spin") (param $p i32)
                  (loop $forever
                    (i64.store (local.get $p) (i64.add (i64.load (local.get $p)) (i64.const 1)))
                    (i32.store offset=8 (local.get $p) (i32.load offset=8 (local.get $p)))
                    (i32.store offset=12 (local.get $p) (i32.load offset=12 (local.get $p)))
                    (i32.store offset=16 (local.get $p) (i32.load offset=16 (local.get $p)))
                    (br $forever)))
                (func (export "fill") (param $p i32) (param $n i32)
                  (block $done (loop $next
                    (br_if $done (i32.eqz (local.get $n)))
                    (i32.store (local.get $p) (i32.mul (local.get $n) (i32.const -1640531535)))
                    (local.set $p (i32.add (local.get $p) (i32.const 4)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $next)))))
                """);
        return wat.toString();
    }

    @Test
    void loopAccessesOfALargeFunctionBecomeCallSitesAndTheRestStayCalls() {
        var bytes = Wat.toBinary(module(), "copy.wat");
        Map<String, MethodNode> methods = new HashMap<>();
        new ModuleCompiler(CompileCache.NONE).compile(Parser.parse(bytes)).classes().values().forEach(classFile -> {
            var node = new ClassNode();
            new ClassReader(classFile).accept(node, 0);
            node.methods.forEach(m -> methods.put(m.name, m));
        });
        // functions 0, 1, 2: copy, spin, fill
        assertEquals(0, callSites(methods.get("func_2")), "fill has too few accesses to be rewritten");
        assertEquals(0, callSites(methods.get("func_1")), "spin is a small function");
        MethodNode copy = methods.get("func_0");
        assertEquals(PROLOGUE_STORES, shadedMemoryCalls(copy), "the stores outside the loop stay calls");
        // the loop's 7 loads and 6 stores, and its interrupt check
        assertEquals(14, callSites(copy));
    }

    @Test
    void aMethodOverHotSpotsCompileLimitKeepsItsCalls() {
        var bytes = Wat.toBinary(module(1000), "huge.wat");
        var classes = new ModuleCompiler(CompileCache.NONE).compile(Parser.parse(bytes)).classes().values();
        MethodNode copy = null;
        for (byte[] classFile : classes) {
            var node = new ClassNode();
            new ClassReader(classFile).accept(node, 0);
            for (MethodNode m : node.methods) {
                if (m.name.equals("func_0")) {
                    copy = m;
                    assertTrue(ClassRewriter.methodsOver(classFile, ClassRewriter.HUGE_METHOD_LIMIT).contains("func_0" + m.desc));
                }
            }
        }
        assertEquals(0, callSites(copy));
        assertEquals(1000 + 13, shadedMemoryCalls(copy));
    }

    @Test
    void rewrittenLoopsComputeAndTrapAsTheInterpreterDoes() {
        var bytes = Wat.toBinary(module(), "copy.wat");
        byte[] compiled = run(Strategy.COMPILER, bytes);
        byte[] interpreted = run(Strategy.INTERPRETER, bytes);
        assertArrayEquals(interpreted, compiled);
        for (Strategy strategy : Strategy.values()) {
            try (Engine engine = Engine.builder().strategy(strategy).build(); Store store = Store.create(engine)) {
                var instance = new Linker().instantiate(store, Module.fromBytes(engine, "copy.wasm", bytes));
                // the 9th round's f64 store ends past 64 KiB
                Trap trap = assertThrows(Trap.class, () -> instance.requireFunc("copy").call(
                        Val.i32(65536 - 8 * 32 - 8), Val.i32(4096), Val.i32(9)));
                assertEquals(TrapKind.MEMORY_OUT_OF_BOUNDS, trap.kind(), strategy.toString());
            }
        }
    }

    @Test
    void aTimeoutStopsARewrittenLoop() {
        var wat = module().replace("(func (export \"spin\") (param $p i32)", "(func (export \"spin\") (param $p i32)"
                + " (i32.store8 (i32.const 0) (i32.const 0))".repeat(80));
        try (Engine engine = Engine.create(); Store store = Store.create(engine)) {
            var instance = new Linker().instantiate(store, Module.fromBytes(engine, "spin.wasm", Wat.toBinary(wat, "spin.wat")));
            store.setTimeout(Duration.ofMillis(200));
            Trap trap = assertThrows(Trap.class, () -> instance.requireFunc("spin").call(Val.i32(1024)));
            assertEquals(TrapKind.INTERRUPT, trap.kind());
        }
    }

    /** The copy's result and the memory afterwards (its first 8 KiB), under {@code strategy}. */
    private static byte[] run(Strategy strategy, byte[] bytes) {
        try (Engine engine = Engine.builder().strategy(strategy).build(); Store store = Store.create(engine)) {
            var instance = new Linker().instantiate(store, Module.fromBytes(engine, "copy.wasm", bytes));
            instance.requireFunc("fill").call(Val.i32(4096), Val.i32(1024));
            long sum = instance.requireFunc("copy").call(Val.i32(256), Val.i32(4096), Val.i32(100))[0].i64();
            assertTrue(sum != 0);
            var memory = instance.memory("memory").orElseThrow();
            byte[] contents = memory.read(0, 8192);
            byte[] result = new byte[contents.length + 8];
            System.arraycopy(contents, 0, result, 8, contents.length);
            for (int i = 0; i < 8; i++) {
                result[i] = (byte) (sum >>> (8 * i));
            }
            return result;
        }
    }

    private static long callSites(MethodNode method) {
        return java.util.stream.StreamSupport.stream(method.instructions.spliterator(), false)
                .filter(insn -> insn instanceof InvokeDynamicInsnNode site
                        && site.bsm.getOwner().equals("io/wasmrun/runtime/engine/HelperCallSites"))
                .count();
    }

    private static long shadedMemoryCalls(MethodNode method) {
        return java.util.stream.StreamSupport.stream(method.instructions.spliterator(), false)
                .filter(insn -> insn instanceof MethodInsnNode call
                        && call.owner.endsWith("Shaded") && call.name.startsWith("memory"))
                .count();
    }
}
