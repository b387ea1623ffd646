package io.wasmrun;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.TableImport;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.TagImport;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Converts between this API's types and Chicory's, which never appear in the API itself. */
final class ChicoryTypes {
    private ChicoryTypes() {}

    static ValType valType(com.dylibso.chicory.wasm.types.ValType type) {
        return switch (type.opcode()) {
            case com.dylibso.chicory.wasm.types.ValType.ID.I32 -> ValType.I32;
            case com.dylibso.chicory.wasm.types.ValType.ID.I64 -> ValType.I64;
            case com.dylibso.chicory.wasm.types.ValType.ID.F32 -> ValType.F32;
            case com.dylibso.chicory.wasm.types.ValType.ID.F64 -> ValType.F64;
            case com.dylibso.chicory.wasm.types.ValType.ID.V128 -> ValType.V128;
            case com.dylibso.chicory.wasm.types.ValType.ID.FuncRef,
                    com.dylibso.chicory.wasm.types.ValType.ID.NoFuncRef -> ValType.FUNCREF;
            case com.dylibso.chicory.wasm.types.ValType.ID.ExternRef,
                    com.dylibso.chicory.wasm.types.ValType.ID.NoExternRef -> ValType.EXTERNREF;
            case com.dylibso.chicory.wasm.types.ValType.ID.ExnRef -> ValType.EXNREF;
            case com.dylibso.chicory.wasm.types.ValType.ID.Ref,
                    com.dylibso.chicory.wasm.types.ValType.ID.RefNull -> typedReference(type);
            default -> ValType.ANYREF;
        };
    }

    /**
     * {@code (ref null? ht)}: a function reference when its heap type is {@code func}, {@code
     * nofunc} or a type index (the function-references proposal's typed references; GC struct and
     * array types, which also have indices, are rare in practice and read as function references).
     */
    private static ValType typedReference(com.dylibso.chicory.wasm.types.ValType type) {
        int heapType = type.typeIdx();
        if (heapType >= 0
                || heapType == com.dylibso.chicory.wasm.types.ValType.TypeIdxCode.FUNC.code()
                || heapType == com.dylibso.chicory.wasm.types.ValType.TypeIdxCode.NOFUNC.code()) {
            return ValType.FUNCREF;
        }
        if (heapType == com.dylibso.chicory.wasm.types.ValType.TypeIdxCode.EXTERN.code()
                || heapType == com.dylibso.chicory.wasm.types.ValType.TypeIdxCode.NOEXTERN.code()) {
            return ValType.EXTERNREF;
        }
        return ValType.ANYREF;
    }

    static com.dylibso.chicory.wasm.types.ValType chicory(ValType type) {
        return switch (type) {
            case I32 -> com.dylibso.chicory.wasm.types.ValType.I32;
            case I64 -> com.dylibso.chicory.wasm.types.ValType.I64;
            case F32 -> com.dylibso.chicory.wasm.types.ValType.F32;
            case F64 -> com.dylibso.chicory.wasm.types.ValType.F64;
            case V128 -> com.dylibso.chicory.wasm.types.ValType.V128;
            case FUNCREF -> com.dylibso.chicory.wasm.types.ValType.FuncRef;
            case EXTERNREF -> com.dylibso.chicory.wasm.types.ValType.ExternRef;
            case EXNREF -> com.dylibso.chicory.wasm.types.ValType.ExnRef;
            case ANYREF -> com.dylibso.chicory.wasm.types.ValType.AnyRef;
        };
    }

    static FuncType funcType(FunctionType type) {
        return new FuncType(valTypes(type.params()), valTypes(type.returns()));
    }

    /**
     * The type as the engines run it: each v128 as two i64, as in a module that uses SIMD ({@link
     * io.wasmrun.runtime.simd.SimdLowering}), the only kind of module that can import a v128.
     */
    static FunctionType executable(FuncType type) {
        return FunctionType.of(executableTypes(type.params()), executableTypes(type.results()));
    }

    private static List<com.dylibso.chicory.wasm.types.ValType> executableTypes(List<ValType> types) {
        var result = new ArrayList<com.dylibso.chicory.wasm.types.ValType>(types.size());
        for (ValType t : types) {
            if (t == ValType.V128) {
                result.add(com.dylibso.chicory.wasm.types.ValType.I64);
                result.add(com.dylibso.chicory.wasm.types.ValType.I64);
            } else {
                result.add(chicory(t));
            }
        }
        return result;
    }

    static List<ValType> valTypes(List<com.dylibso.chicory.wasm.types.ValType> types) {
        var result = new ArrayList<ValType>(types.size());
        for (var t : types) {
            result.add(valType(t));
        }
        return List.copyOf(result);
    }

    static MemoryType memoryType(MemoryLimits limits) {
        return new MemoryType(
                limits.initialPages(),
                limits.maximumPages() == MemoryLimits.MAX_PAGES && !limits.shared()
                        ? OptionalLong.empty()
                        : OptionalLong.of(limits.maximumPages()),
                limits.shared());
    }

    static TableType tableType(com.dylibso.chicory.wasm.types.ValType element, TableLimits limits) {
        return new TableType(
                valType(element),
                limits.min(),
                limits.max() >= TableLimits.LIMIT_MAX ? OptionalLong.empty() : OptionalLong.of(limits.max()));
    }

    static GlobalType globalType(com.dylibso.chicory.wasm.types.ValType type, MutabilityType mutability) {
        return new GlobalType(valType(type), mutability == MutabilityType.Var);
    }

    /** The type of {@code imp}, resolved against the module's type section. */
    static ExternType importType(WasmModule module, Import imp) {
        return switch (imp.importType()) {
            case FUNCTION -> funcType(module.typeSection().getType(((FunctionImport) imp).typeIndex()));
            case MEMORY -> memoryType(((MemoryImport) imp).limits());
            case TABLE -> tableType(((TableImport) imp).entryType(), ((TableImport) imp).limits());
            case GLOBAL -> globalType(((GlobalImport) imp).type(), ((GlobalImport) imp).mutabilityType());
            case TAG -> new TagType(funcType(module.typeSection().getType(((TagImport) imp).tagType().typeIdx())));
        };
    }

    static ExternalType kind(ExternType type) {
        return switch (type) {
            case FuncType f -> ExternalType.FUNCTION;
            case MemoryType m -> ExternalType.MEMORY;
            case TableType t -> ExternalType.TABLE;
            case GlobalType g -> ExternalType.GLOBAL;
            case TagType t -> ExternalType.TAG;
        };
    }
}
