package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a valid module uses that Chicory 1.7.5 cannot execute, so that loading fails with a
 * clear reason instead of a confusing error at instantiation or mid-call.
 *
 * <p>Today that is SIMD: Chicory 1.7.5 decodes and validates {@code v128} code, but its
 * interpreter has no v128 instructions and its compiler no v128 type, and no SIMD engine is
 * published for 1.7.5.
 */
final class UnsupportedFeatures {
    private static final String[] SIMD_PREFIXES = {
        "V128", "I8X16", "I16X8", "I32X4", "I64X2", "F32X4", "F64X2"
    };

    /** Every SIMD opcode, found by name once: the scan below runs on every load. */
    private static final Set<OpCode> SIMD_OPCODES = simdOpcodes();

    private UnsupportedFeatures() {}

    /** The first unsupported feature {@code module} uses, in words, if any. */
    static Optional<String> find(WasmModule module) {
        return usesSimd(module)
                ? Optional.of("uses SIMD (v128), which Chicory 1.7.5 cannot execute")
                : Optional.empty();
    }

    private static boolean usesSimd(WasmModule module) {
        for (FunctionType type : module.typeSection().types()) {
            if (type != null && (type.params().contains(ValType.V128) || type.returns().contains(ValType.V128))) {
                return true;
            }
        }
        for (Global global : module.globalSection().globals()) {
            if (global.valueType().equals(ValType.V128)) {
                return true;
            }
        }
        for (FunctionBody body : module.codeSection().functionBodies()) {
            if (body.localTypes().contains(ValType.V128)) {
                return true;
            }
            for (Instruction instruction : body.instructions()) {
                if (SIMD_OPCODES.contains(instruction.opcode())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<OpCode> simdOpcodes() {
        Set<OpCode> simd = EnumSet.noneOf(OpCode.class);
        for (OpCode opcode : OpCode.values()) {
            for (String prefix : SIMD_PREFIXES) {
                if (opcode.name().startsWith(prefix)) {
                    simd.add(opcode);
                }
            }
        }
        return simd;
    }
}
