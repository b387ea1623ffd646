package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Looks up and prints function signatures in the text format's spelling. */
public final class Signatures {
    private Signatures() {}

    /** The type of function {@code funcIndex}, counting imported functions first. */
    public static FunctionType functionType(WasmModule module, int funcIndex) {
        int imported = 0;
        var imports = module.importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            if (imports.getImport(i) instanceof FunctionImport fi) {
                if (imported == funcIndex) {
                    return module.typeSection().getType(fi.typeIndex());
                }
                imported++;
            }
        }
        int typeIndex = module.functionSection().getFunctionType(funcIndex - imported);
        return module.typeSection().getType(typeIndex);
    }

    /** The export called {@code name}, if any. */
    public static Optional<Export> export(WasmModule module, String name) {
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            Export export = exports.getExport(i);
            if (export.name().equals(name)) {
                return Optional.of(export);
            }
        }
        return Optional.empty();
    }

    /** The names of the exported functions, in export order. */
    public static List<String> exportedFunctions(WasmModule module) {
        var exports = module.exportSection();
        return java.util.stream.IntStream.range(0, exports.exportCount())
                .mapToObj(exports::getExport)
                .filter(e -> e.exportType() == ExternalType.FUNCTION)
                .map(Export::name)
                .toList();
    }

    /** {@code name(i32, i64) -> (f64)}, or {@code name(i32)} without results. */
    public static String describe(String name, FunctionType type) {
        String params = names(type.params());
        String results = names(type.returns());
        return name + "(" + params + ")" + (results.isEmpty() ? "" : " -> " + paren(type, results));
    }

    private static String paren(FunctionType type, String results) {
        return type.returns().size() == 1 ? results : "(" + results + ")";
    }

    private static String names(List<ValType> types) {
        return types.stream().map(Signatures::typeName).collect(Collectors.joining(", "));
    }

    /** The text format's name for a value type: {@code i32}, {@code funcref}, {@code (ref 3)}. */
    public static String typeName(ValType type) {
        int opcode = type.opcode();
        if (opcode == ValType.ID.I32) {
            return "i32";
        } else if (opcode == ValType.ID.I64) {
            return "i64";
        } else if (opcode == ValType.ID.F32) {
            return "f32";
        } else if (opcode == ValType.ID.F64) {
            return "f64";
        } else if (opcode == ValType.ID.V128) {
            return "v128";
        } else if (type.equals(ValType.FuncRef)) {
            return "funcref";
        } else if (type.equals(ValType.ExternRef)) {
            return "externref";
        } else if (type.equals(ValType.ExnRef)) {
            return "exnref";
        } else if (type.equals(ValType.AnyRef)) {
            return "anyref";
        }
        return type.isNullable() ? "(ref null " + heap(type) + ")" : "(ref " + heap(type) + ")";
    }

    private static String heap(ValType type) {
        int idx = type.typeIdx();
        for (ValType.TypeIdxCode code : ValType.TypeIdxCode.values()) {
            if (code.code() == idx) {
                return code.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return Integer.toString(idx);
    }
}
