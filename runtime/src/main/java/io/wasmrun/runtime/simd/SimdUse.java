package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.ValType;

/** Whether a module uses SIMD: a v128 in a type, global or local, or a SIMD instruction. */
final class SimdUse {
    private SimdUse() {}

    static boolean uses(WasmModule module) {
        var imports = module.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            if (imports.getImport(i) instanceof GlobalImport global && global.type().equals(ValType.V128)) {
                return true;
            }
        }
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
                if ((instruction.opcode().opcode() >> 8) == 0xfd) {
                    return true;
                }
            }
        }
        return false;
    }
}
