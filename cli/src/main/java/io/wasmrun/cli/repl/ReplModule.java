package io.wasmrun.cli.repl;

import io.wasmrun.ExportType;
import io.wasmrun.FuncType;
import io.wasmrun.ImportType;
import io.wasmrun.Instance;
import io.wasmrun.Memory;
import io.wasmrun.Module;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A module loaded in the REPL: its name (the import module name later modules link to), where it
 * came from, the engine and store it was loaded with, and its live instance.
 */
final class ReplModule {
    private final String name;
    private final ModuleSource source;
    private final EngineStore engine;
    private final Instance instance;
    private final List<ExportType> exports;

    ReplModule(String name, ModuleSource source, EngineStore engine, Instance instance) {
        this.name = name;
        this.source = source;
        this.engine = engine;
        this.instance = instance;
        this.exports = instance.module().exports();
    }

    String name() {
        return name;
    }

    ModuleSource source() {
        return source;
    }

    EngineStore engine() {
        return engine;
    }

    Instance instance() {
        return instance;
    }

    Module module() {
        return instance.module();
    }

    /** The names of the exports of {@code kind}, in export order. */
    List<String> exports(ExportKind kind) {
        return exports.stream().filter(e -> ExportKind.of(e.type()) == kind).map(ExportType::name).toList();
    }

    boolean exports(String name, ExportKind kind) {
        return exports.stream().anyMatch(e -> e.name().equals(name) && ExportKind.of(e.type()) == kind);
    }

    Optional<FuncType> functionType(String name) {
        return exports.stream()
                .filter(e -> e.name().equals(name) && e.type() instanceof FuncType)
                .map(e -> (FuncType) e.type())
                .findFirst();
    }

    /** The exported memory with the lowest index (memory 0 in nearly every module), if any. */
    Optional<Memory> memory() {
        return exports(ExportKind.MEMORY).stream()
                .min(Comparator.comparingInt(n -> module().exportIndex(n).orElseThrow()))
                .flatMap(instance::memory);
    }

    /** Whether this module imports anything from a module named in {@code names}. */
    boolean importsFromAny(Set<String> names) {
        return module().imports().stream().map(ImportType::module).anyMatch(names::contains);
    }
}
