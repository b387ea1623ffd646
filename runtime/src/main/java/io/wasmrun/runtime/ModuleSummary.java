package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CustomSection;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableImport;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes a module's interface in one line per item, in the text format's spelling: what
 * {@code wasmrun inspect} prints and what the REPL lists.
 */
public final class ModuleSummary {
    private final WasmModule module;

    public ModuleSummary(WasmModule module) {
        this.module = module;
    }

    /** {@code wasi_snapshot_preview1.fd_write: func(i32, i32, i32, i32) -> i32}, ... */
    public List<String> imports() {
        List<String> lines = new ArrayList<>();
        var section = module.importSection();
        for (int i = 0; i < section.importCount(); i++) {
            Import imp = section.getImport(i);
            lines.add(imp.module() + "." + imp.name() + ": " + describe(imp));
        }
        return lines;
    }

    /** {@code fib: func(i32) -> i32}, {@code memory: memory 1..16 pages}, ... */
    public List<String> exports() {
        List<String> lines = new ArrayList<>();
        var section = module.exportSection();
        for (int i = 0; i < section.exportCount(); i++) {
            Export export = section.getExport(i);
            lines.add(export.name() + ": " + describe(export));
        }
        return lines;
    }

    /** The defined memories, e.g. {@code 0: memory 17 pages, max 65536}. */
    public List<String> memories() {
        List<String> lines = new ArrayList<>();
        module.memorySection()
                .ifPresent(
                        s -> {
                            for (int i = 0; i < s.memoryCount(); i++) {
                                lines.add(i + ": " + memory(s.getMemory(i).limits()));
                            }
                        });
        return lines;
    }

    /** The defined tables, e.g. {@code 0: table funcref 2..2}. */
    public List<String> tables() {
        List<String> lines = new ArrayList<>();
        var section = module.tableSection();
        for (int i = 0; i < section.tableCount(); i++) {
            Table t = section.getTable(i);
            lines.add(i + ": " + table(t.elementType(), t.limits()));
        }
        return lines;
    }

    /** The defined globals, e.g. {@code 0: global mut i32}. */
    public List<String> globals() {
        List<String> lines = new ArrayList<>();
        Global[] globals = module.globalSection().globals();
        for (int i = 0; i < globals.length; i++) {
            lines.add(i + ": " + global(globals[i].valueType(), globals[i].mutabilityType()));
        }
        return lines;
    }

    /** Names of the custom sections, in order. */
    public List<String> customSections() {
        return module.customSections().stream().map(CustomSection::name).toList();
    }

    /** Function counts: {@code defined + imported}. */
    public String functionCounts() {
        int imported = module.importSection().count(com.dylibso.chicory.wasm.types.ExternalType.FUNCTION);
        return module.functionSection().functionCount() + " defined, " + imported + " imported";
    }

    private String describe(Import imp) {
        return switch (imp) {
            case FunctionImport f -> func(module.typeSection().getType(f.typeIndex()));
            case MemoryImport m -> memory(m.limits());
            case TableImport t -> table(t.entryType(), t.limits());
            case GlobalImport g -> global(g.type(), g.mutabilityType());
            default -> imp.importType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private String describe(Export export) {
        int index = export.index();
        return switch (export.exportType()) {
            case FUNCTION -> func(Signatures.functionType(module, index));
            case MEMORY -> "memory " + index;
            case TABLE -> "table " + index;
            case GLOBAL -> "global " + index;
            case TAG -> "tag " + index;
        };
    }

    private static String func(com.dylibso.chicory.wasm.types.FunctionType type) {
        return Signatures.describe("func", type);
    }

    private static String memory(MemoryLimits limits) {
        String max = limits.maximumPages() == MemoryLimits.MAX_PAGES ? "" : ", max " + limits.maximumPages();
        return "memory " + limits.initialPages() + " pages" + max + (limits.shared() ? ", shared" : "");
    }

    private static String table(ValType type, TableLimits limits) {
        String max = limits.max() >= TableLimits.LIMIT_MAX ? "" : ", max " + limits.max();
        return "table " + Signatures.typeName(type) + " " + limits.min() + " elements" + max;
    }

    private static String global(ValType type, MutabilityType mutability) {
        return "global " + (mutability == MutabilityType.Var ? "mut " : "") + Signatures.typeName(type);
    }
}
