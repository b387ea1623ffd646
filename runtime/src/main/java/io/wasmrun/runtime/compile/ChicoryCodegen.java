package io.wasmrun.runtime.compile;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.ByteClassCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.wasmrun.runtime.engine.StackFloor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Chicory's code generator without loading what it generates. {@code MachineFactoryCompiler}
 * would define and verify every class right away; wasmrun rewrites them first, so it collects the
 * bytes with Chicory's {@link ByteClassCollector} instead. This is the one place that uses
 * Chicory's internal compiler API (pinned with the Chicory version in the cache key).
 *
 * <p>Every valid module compiles: a function too large for one JVM method is left to the
 * interpreter, and a function the code generator fails on (a Chicory bug, e.g. {@code Types not
 * empty}) is found by bisection, each probe compiling one half of the suspects with the rest
 * interpreted, and interpreted too.
 *
 * <p>Chicory's own fallback for a function too large starts the whole module's code generation
 * again for each one it meets: for a 30 MB program with 22 such functions that was 23 full
 * passes (216 s). So the functions that cannot fit are named before the pass ({@link
 * MethodSizeEstimate}) and passed to Chicory as interpreted, with its fallback set to fail; one
 * the estimate missed fails the pass, naming the function, and is added for another pass.
 */
final class ChicoryCodegen {
    /**
     * Functions per generated class: small groups, so that a run defines the classes of the code
     * it calls and not much more ({@link GeneratedClassLoader}). Chicory's default is 12,288 (a 30
     * MB program got 6 classes of 4–9 MB). On yosys, {@code -V} with the cache warm: 1.9 s at 256,
     * 1.8 s at 64 and 16; the first run 38, 31 and 31 s.
     */
    static final int FUNCTIONS_PER_CLASS = 64;
    private static final String TOO_LARGE = "exceeds the Java method size limits";
    private static final Pattern FUNCTION_INDEX = Pattern.compile("WASM function index: (\\d+)");

    private ChicoryCodegen() {}

    static ClassJar generate(WasmModule module) {
        return generate(module, MethodSizeEstimate.tooLarge(module));
    }

    /**
     * Chicory's classes for {@code module} with the functions {@code interpretedFunctions}
     * (absolute indices) left to its interpreter, and any others that cannot be compiled. Tests
     * use it to interpret every function.
     */
    static ClassJar generate(WasmModule module, Set<Integer> interpretedFunctions) {
        Set<Integer> interpreted = new HashSet<>(interpretedFunctions);
        CompilerResult result;
        try {
            result = compile(module, interpreted);
        } catch (RuntimeException failure) {
            Set<Integer> uncompilable = uncompilable(module, interpreted);
            if (uncompilable.isEmpty()) {
                throw failure;
            }
            interpreted.addAll(uncompilable);
            result = compile(module, interpreted);
        }
        var collector = result.collector();
        Set<Integer> left = result.interpretedFunctions();
        int floor = left.isEmpty() ? 0 : StackFloor.of(module);
        return new ClassJar(collector.mainClassName(), collector.classBytes(), left, floor);
    }

    /**
     * Chicory's code generation with {@code interpreted} left to the interpreter, to which it adds
     * each function that turns out too large for a JVM method.
     */
    private static CompilerResult compile(WasmModule module, Set<Integer> interpreted) {
        while (true) {
            try {
                return builder(module)
                        .withInterpreterFallback(InterpreterFallback.FAIL)
                        .withInterpretedFunctions(interpreted)
                        .build()
                        .compile();
            } catch (ChicoryException failure) {
                int tooLarge = tooLargeFunction(failure);
                if (tooLarge < 0 || !interpreted.add(tooLarge)) {
                    throw failure;
                }
            }
        }
    }

    /** The function a failure of Chicory's says is too large for a JVM method, or -1. */
    static int tooLargeFunction(ChicoryException failure) {
        String message = String.valueOf(failure.getMessage());
        if (!message.contains(TOO_LARGE)) {
            return -1;
        }
        Matcher index = FUNCTION_INDEX.matcher(message);
        return index.find() ? Integer.parseInt(index.group(1)) : -1;
    }

    private static Compiler.Builder builder(WasmModule module) {
        return Compiler.builder(module)
                .withClassCollectorFactory(ByteClassCollector::new)
                .withMaxFunctionsPerClass(FUNCTIONS_PER_CLASS);
    }

    /** The defined functions (absolute indices) that do not compile, each on its own. */
    static Set<Integer> uncompilable(WasmModule module) {
        return uncompilable(module, Set.of());
    }

    /** Like {@link #uncompilable(WasmModule)}, with {@code interpreted} left to the interpreter in every probe. */
    private static Set<Integer> uncompilable(WasmModule module, Set<Integer> interpreted) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < module.functionSection().functionCount(); i++) {
            if (!interpreted.contains(imported + i)) {
                all.add(imported + i);
            }
        }
        Set<Integer> found = new HashSet<>();
        if (all.size() == 1) {
            found.addAll(all);
        } else if (all.size() > 1) {
            bisect(module, all, all.subList(0, all.size() / 2), interpreted, found);
            bisect(module, all, all.subList(all.size() / 2, all.size()), interpreted, found);
        }
        return found;
    }

    private static void bisect(
            WasmModule module, List<Integer> all, List<Integer> suspects, Set<Integer> interpreted, Set<Integer> found) {
        if (suspects.isEmpty() || compilesAlone(module, all, suspects, interpreted)) {
            return;
        }
        if (suspects.size() == 1) {
            found.add(suspects.get(0));
            return;
        }
        bisect(module, all, suspects.subList(0, suspects.size() / 2), interpreted, found);
        bisect(module, all, suspects.subList(suspects.size() / 2, suspects.size()), interpreted, found);
    }

    /** Whether {@code suspects} compile with every other function interpreted. */
    private static boolean compilesAlone(
            WasmModule module, List<Integer> all, List<Integer> suspects, Set<Integer> alwaysInterpreted) {
        Set<Integer> interpreted = new HashSet<>(all);
        suspects.forEach(interpreted::remove);
        interpreted.addAll(alwaysInterpreted);
        try {
            compile(module, interpreted);
            return true;
        } catch (RuntimeException failure) {
            return false;
        }
    }
}
