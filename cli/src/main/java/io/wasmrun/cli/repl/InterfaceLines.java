package io.wasmrun.cli.repl;

import io.wasmrun.ExportType;
import io.wasmrun.ExternType;
import io.wasmrun.FuncType;
import io.wasmrun.GlobalType;
import io.wasmrun.ImportType;
import io.wasmrun.MemoryType;
import io.wasmrun.Module;
import io.wasmrun.TableType;
import io.wasmrun.TagType;
import java.util.List;
import java.util.OptionalLong;

/** A module's imports or exports, one line each, as {@code :imports} and {@code :exports} list them. */
final class InterfaceLines {
    /** The largest memory in pages, which is not shown as a maximum. */
    private static final long MAX_PAGES = 65536;

    private InterfaceLines() {}

    /** {@code wasi_snapshot_preview1.fd_write: func(i32, i32, i32, i32) -> i32}, ... */
    static List<String> imports(Module module) {
        return module.imports().stream().map(InterfaceLines::line).toList();
    }

    /** {@code fib: func(i32) -> i32}, {@code memory: memory 0}, ... */
    static List<String> exports(Module module) {
        return module.exports().stream().map(e -> line(module, e)).toList();
    }

    private static String line(ImportType imp) {
        String type = switch (imp.type()) {
            case FuncType f -> f.signature("func");
            case MemoryType m -> "memory " + m.minimumPages() + " pages" + maximum(m.maximumPages(), MAX_PAGES)
                    + (m.shared() ? ", shared" : "");
            case TableType t -> "table " + t.element() + " " + t.minimum() + " elements"
                    + maximum(t.maximum(), Long.MAX_VALUE);
            case GlobalType g -> "global " + (g.mutable() ? "mut " : "") + g.content();
            case TagType t -> "tag";
        };
        return imp.module() + "." + imp.name() + ": " + type;
    }

    /** A function's signature; for the rest the kind and index, e.g. {@code global 1}. */
    private static String line(Module module, ExportType export) {
        ExternType type = export.type();
        String described = type instanceof FuncType f
                ? f.signature("func")
                : ExportKind.of(type).word() + " " + module.exportIndex(export.name()).orElseThrow();
        return export.name() + ": " + described;
    }

    private static String maximum(OptionalLong maximum, long unbounded) {
        return maximum.isPresent() && maximum.getAsLong() != unbounded ? ", max " + maximum.getAsLong() : "";
    }
}
