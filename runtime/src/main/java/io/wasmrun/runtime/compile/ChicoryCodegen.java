package io.wasmrun.runtime.compile;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.ByteClassCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs Chicory's code generator without loading what it generates. {@code MachineFactoryCompiler}
 * would define and verify every class right away; wasmrun rewrites them first, so it collects the
 * bytes with Chicory's {@link ByteClassCollector} instead. This is the one place that uses
 * Chicory's internal compiler API (pinned with the Chicory version in the cache key).
 *
 * <p>Every valid module compiles: a function too large for one JVM method is left to the
 * interpreter quietly (Chicory's own fallback, its warning silenced), and a function the code
 * generator fails on (a Chicory bug, e.g. {@code Types not empty}) is found by bisection, each
 * probe compiling one half of the suspects with the rest interpreted, and interpreted too.
 */
final class ChicoryCodegen {
    private ChicoryCodegen() {}

    static ClassJar generate(WasmModule module) {
        CompilerResult result;
        try {
            result = builder(module).withInterpreterFallback(InterpreterFallback.SILENT).build().compile();
        } catch (RuntimeException failure) {
            Set<Integer> uncompilable = uncompilable(module);
            if (uncompilable.isEmpty()) {
                throw failure;
            }
            result = builder(module).withInterpretedFunctions(uncompilable).build().compile();
        }
        var collector = result.collector();
        return new ClassJar(collector.mainClassName(), collector.classBytes(), result.interpretedFunctions());
    }

    private static Compiler.Builder builder(WasmModule module) {
        return Compiler.builder(module).withClassCollectorFactory(ByteClassCollector::new);
    }

    /** The defined functions (absolute indices) that do not compile, each on its own. */
    static Set<Integer> uncompilable(WasmModule module) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < module.functionSection().functionCount(); i++) {
            all.add(imported + i);
        }
        Set<Integer> found = new HashSet<>();
        if (all.size() == 1) {
            found.addAll(all);
        } else if (all.size() > 1) {
            bisect(module, all, all.subList(0, all.size() / 2), found);
            bisect(module, all, all.subList(all.size() / 2, all.size()), found);
        }
        return found;
    }

    private static void bisect(WasmModule module, List<Integer> all, List<Integer> suspects, Set<Integer> found) {
        if (suspects.isEmpty() || compilesAlone(module, all, suspects)) {
            return;
        }
        if (suspects.size() == 1) {
            found.add(suspects.get(0));
            return;
        }
        bisect(module, all, suspects.subList(0, suspects.size() / 2), found);
        bisect(module, all, suspects.subList(suspects.size() / 2, suspects.size()), found);
    }

    /** Whether {@code suspects} compile with every other function interpreted. */
    private static boolean compilesAlone(WasmModule module, List<Integer> all, List<Integer> suspects) {
        Set<Integer> interpreted = new HashSet<>(all);
        suspects.forEach(interpreted::remove);
        try {
            builder(module).withInterpretedFunctions(interpreted).build().compile();
            return true;
        } catch (RuntimeException failure) {
            return false;
        }
    }
}
