package io.wasmrun.runtime.compile;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import java.util.HashSet;
import java.util.Set;

/**
 * Names the functions whose JVM method Chicory's code generator could not fit in the JVM's 64 KiB
 * limit, from the size of their wasm code alone, before any code is generated.
 *
 * <p>Measured on the 34,004 functions of a 30 MB C++ program (YoWASP yosys) and the spec suite:
 * Chicory emits 1.05–1.42 bytes of JVM bytecode per byte of wasm code for functions over 2 KB
 * (1.05–1.29 over 20 KB). A function whose code is over {@value #LIMIT} bytes, the limit divided by
 * 1.3, is predicted too large; in yosys that names all 22 functions that do not fit and 3 that
 * would have. Code made of one kind of instruction can go further either way: a run of {@code
 * i32.const; i32.add} makes 1.0 byte per byte, of {@code call}s 4. A function the estimate misses
 * still fails Chicory's pass by name and is added then ({@link ChicoryCodegen}), so the estimate
 * decides only how often a pass is repeated.
 */
final class MethodSizeEstimate {
    /** Bytes of wasm code above which a function is taken to be too large for a JVM method. */
    static final int LIMIT = (int) (65_535 / 1.3);

    private MethodSizeEstimate() {}

    /** The defined functions (absolute indices) predicted too large for a JVM method. */
    static Set<Integer> tooLarge(WasmModule module) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        var result = new HashSet<Integer>();
        int count = module.functionSection().functionCount();
        for (int i = 0; i < count; i++) {
            if (codeBytes(module.codeSection().getFunctionBody(i)) > LIMIT) {
                result.add(imported + i);
            }
        }
        return result;
    }

    /** The bytes a body's instructions span in the module, from their recorded addresses. */
    static int codeBytes(FunctionBody body) {
        var instructions = body.instructions();
        if (instructions.isEmpty()) {
            return 0;
        }
        return instructions.get(instructions.size() - 1).address() - instructions.get(0).address() + 1;
    }
}
