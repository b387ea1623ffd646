package io.wasmrun.cli.repl;

import io.wasmrun.ImportType;
import io.wasmrun.Instance;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.Wasi;
import io.wasmrun.WasmrunException;
import io.wasmrun.wasi.WasiOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The modules of a session in load order. Each module is linked to WASI and to every module
 * loaded before it, under that module's name; the last loaded module is the default one that
 * unqualified names refer to.
 */
final class ModuleRegistry implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final Map<String, ReplModule> modules = new LinkedHashMap<>();
    private final Runtimes runtimes;
    private final CallRunner calls;
    private final WasiOptions wasiOptions;
    private Wasi wasi;
    private String defaultName;

    ModuleRegistry(Runtimes runtimes, CallRunner calls, WasiOptions wasiOptions) {
        this.runtimes = runtimes;
        this.calls = calls;
        this.wasiOptions = wasiOptions;
    }

    /** A module name derived from a file name: {@code lib/fib-2.wasm} gives {@code fib-2}. */
    static String nameFor(String fileName) {
        String base = fileName.replaceFirst("\\.(wasm|wat)$", "");
        String cleaned = base.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0)) && cleaned.charAt(0) != '_'
                ? "_" + cleaned
                : cleaned;
    }

    /** Loads and instantiates a module under {@code name} and makes it the default module. */
    ReplModule load(ModuleSource source, String name) {
        checkName(name);
        if (modules.containsKey(name)) {
            throw new WasmrunException(
                    "a module named `" + name + "` is already loaded (use `:reload " + name
                            + "` or `:load PATH as OTHER_NAME`)");
        }
        ReplModule module = instantiateNew(name, source, runtimes.current(), List.copyOf(modules.values()));
        modules.put(name, module);
        defaultName = name;
        return module;
    }

    /**
     * Loads {@code name} again from its source with the current engine and allocator, and
     * re-instantiates the later modules that import from it (directly or through each other);
     * those on another engine or allocator are read again with the current ones, since linked
     * instances share one store. Either all of them are replaced or, on failure, none.
     *
     * @return the replaced modules, the reloaded one first
     */
    List<ReplModule> reload(String name) {
        ReplModule target = get(name);
        List<ReplModule> order = new ArrayList<>(modules.values());
        List<ReplModule> updated = new ArrayList<>(order);
        List<ReplModule> created = new ArrayList<>();
        Set<String> affected = new HashSet<>(Set.of(name));
        int start = order.indexOf(target);
        EngineStore engine = runtimes.current();
        try {
            for (int i = start; i < order.size(); i++) {
                ReplModule old = order.get(i);
                if (i != start && !old.importsFromAny(affected)) {
                    continue;
                }
                ReplModule fresh = i == start || old.engine() != engine
                        ? instantiateNew(old.name(), old.source(), engine, updated.subList(0, i))
                        : relink(old, updated.subList(0, i));
                created.add(fresh);
                updated.set(i, fresh);
                affected.add(old.name());
            }
        } catch (RuntimeException e) {
            for (int i = created.size() - 1; i >= 0; i--) {
                discard(created.get(i), modules.get(created.get(i).name()));
            }
            throw e;
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            discard(modules.get(created.get(i).name()), created.get(i));
        }
        modules.clear();
        updated.forEach(m -> modules.put(m.name(), m));
        runtimes.release(this::usesEngine);
        return created;
    }

    /** Reads {@code source} with {@code engine} and instantiates it in the engine's store. */
    private ReplModule instantiateNew(String name, ModuleSource source, EngineStore engine, List<ReplModule> earlier) {
        Module module = source.load(engine.engine(), name);
        try {
            return new ReplModule(name, source, engine, instantiate(engine, module, earlier));
        } catch (RuntimeException e) {
            module.unload();
            throw e;
        }
    }

    private ReplModule relink(ReplModule old, List<ReplModule> earlier) {
        Instance instance = instantiate(old.engine(), old.module(), earlier);
        return new ReplModule(old.name(), old.source(), old.engine(), instance);
    }

    /** Closes {@code gone}'s instance, and unloads its module unless {@code kept} uses it too. */
    private static void discard(ReplModule gone, ReplModule kept) {
        gone.instance().close();
        if (gone.module() != kept.module()) {
            gone.module().unload();
        }
    }

    /** Instantiates {@code module} linked to WASI and to the {@code earlier} modules' instances. */
    private Instance instantiate(EngineStore engine, Module module, List<ReplModule> earlier) {
        checkSameStore(engine, module, earlier);
        var linker = new Linker();
        if (module.imports().stream().map(ImportType::module).anyMatch(Wasi.MODULE::equals)) {
            linker.wasi(wasi());
        }
        for (ReplModule m : earlier) {
            linker.instance(m.name(), m.instance());
        }
        return calls.run(engine.store(), () -> linker.instantiate(engine.store(), module));
    }

    /**
     * Refuses imports from a module of another engine or allocator: its instance lives in another
     * store, whose exports cannot be imported.
     */
    private static void checkSameStore(EngineStore engine, Module module, List<ReplModule> earlier) {
        Set<String> imported = new HashSet<>();
        module.imports().forEach(imp -> imported.add(imp.module()));
        for (ReplModule m : earlier) {
            if (m.engine() != engine && imported.contains(m.name())) {
                throw new WasmrunException(module.name() + " imports from " + m.name() + ", which runs on ["
                        + m.engine().engineName() + ", " + m.engine().allocatorName() + "] and not on ["
                        + engine.engineName() + ", " + engine.allocatorName()
                        + "]; modules linked to each other need the same engine and allocator (see :set)");
            }
        }
    }

    private Wasi wasi() {
        if (wasi == null) {
            wasi = Wasi.create(wasiOptions);
        }
        return wasi;
    }

    /** Whether a loaded module runs on {@code engine}. */
    boolean usesEngine(EngineStore engine) {
        return modules.values().stream().anyMatch(m -> m.engine() == engine);
    }

    /** Makes {@code name} the default module. */
    void use(String name) {
        defaultName = get(name).name();
    }

    boolean isEmpty() {
        return modules.isEmpty();
    }

    List<ReplModule> all() {
        return List.copyOf(modules.values());
    }

    Optional<ReplModule> find(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    /** The module called {@code name}, or an error listing the loaded ones. */
    ReplModule get(String name) {
        ReplModule module = modules.get(name);
        if (module == null) {
            throw new WasmrunException(
                    "no module named `" + name + "`"
                            + (modules.isEmpty() ? " (no module is loaded)" : " (loaded: " + String.join(", ", modules.keySet()) + ")"));
        }
        return module;
    }

    /** The module unqualified names refer to. */
    ReplModule defaultModule() {
        if (defaultName == null) {
            throw new WasmrunException("no module is loaded (use :load PATH)");
        }
        return modules.get(defaultName);
    }

    Optional<ReplModule> findDefault() {
        return Optional.ofNullable(defaultName).map(modules::get);
    }

    /**
     * Finds an export of {@code type} by the name typed: {@code MODULE.NAME}, or a plain name
     * exported by the default module or else by exactly one loaded module.
     */
    Optional<ExportRef> lookup(String ref, ExportKind type) {
        Optional<ReplModule> fallback = findDefault();
        if (fallback.isPresent() && fallback.get().exports(ref, type)) {
            return Optional.of(new ExportRef(fallback.get(), ref));
        }
        int dot = ref.indexOf('.');
        if (dot > 0) {
            ReplModule module = modules.get(ref.substring(0, dot));
            String name = ref.substring(dot + 1);
            if (module != null && module.exports(name, type)) {
                return Optional.of(new ExportRef(module, name));
            }
        }
        List<ReplModule> exporters = exporters(ref, type);
        return exporters.size() == 1 ? Optional.of(new ExportRef(exporters.get(0), ref)) : Optional.empty();
    }

    /** Like {@link #lookup}, but explains what is available when nothing matches. */
    ExportRef require(String ref, ExportKind type) {
        return lookup(ref, type).orElseThrow(() -> missing(ref, type));
    }

    private List<ReplModule> exporters(String name, ExportKind type) {
        return modules.values().stream().filter(m -> m.exports(name, type)).toList();
    }

    private WasmrunException missing(String ref, ExportKind type) {
        String kind = type.word();
        List<ReplModule> exporters = exporters(ref, type);
        if (exporters.size() > 1) {
            List<String> names = exporters.stream().map(ReplModule::name).toList();
            return new WasmrunException(
                    "`" + ref + "` is exported by " + String.join(", ", names) + "; qualify it, e.g. "
                            + names.get(0) + "." + ref);
        }
        int dot = ref.indexOf('.');
        ReplModule module = dot > 0 ? modules.get(ref.substring(0, dot)) : null;
        String name = module != null ? ref.substring(dot + 1) : ref;
        if (module == null && modules.size() > 1) {
            return new WasmrunException(
                    "no loaded module exports a " + kind + " `" + ref + "` (loaded: " + String.join(", ", modules.keySet()) + ")");
        }
        if (module == null) {
            module = defaultModule();
        }
        List<String> available = module.exports(type);
        return new WasmrunException(
                module.name() + " has no exported " + kind + " `" + name + "`"
                        + (available.isEmpty()
                                ? " (it exports no " + kind + "s)"
                                : " (exported " + kind + "s: " + String.join(", ", available) + ")"));
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new WasmrunException(
                    "`" + name + "` is not a valid module name (letters, digits, _ and -, not starting with a digit)");
        }
    }

    @Override
    public void close() {
        List<ReplModule> order = new ArrayList<>(modules.values());
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).instance().close();
        }
        modules.clear();
        defaultName = null;
        if (wasi != null) {
            wasi.close();
        }
    }
}
