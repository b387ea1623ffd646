package io.wasmrun.cli.repl;

import io.wasmrun.ExternType;
import io.wasmrun.FuncType;
import io.wasmrun.GlobalType;
import io.wasmrun.MemoryType;
import io.wasmrun.TableType;
import io.wasmrun.TagType;
import java.util.Locale;

/** What an export is, as commands look exports up and name them in messages. */
enum ExportKind {
    FUNCTION,
    TABLE,
    MEMORY,
    GLOBAL,
    TAG;

    static ExportKind of(ExternType type) {
        return switch (type) {
            case FuncType f -> FUNCTION;
            case TableType t -> TABLE;
            case MemoryType m -> MEMORY;
            case GlobalType g -> GLOBAL;
            case TagType t -> TAG;
        };
    }

    /** The lower-case word, e.g. {@code function}. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
