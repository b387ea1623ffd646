package io.wasmrun.wast;

import io.wasmrun.Engine;
import io.wasmrun.Func;
import io.wasmrun.ImportType;
import io.wasmrun.Instance;
import io.wasmrun.LinkException;
import io.wasmrun.Linker;
import io.wasmrun.Module;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.Store;
import io.wasmrun.Strategy;
import io.wasmrun.Val;
import io.wasmrun.ValType;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.text.TextFormatException;
import io.wasmrun.text.wast.WastAction;
import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastModule;
import io.wasmrun.text.wast.WastScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the commands of one script in order, keeping the state the script builds up (the
 * current module, named modules and module definitions, registered names) and tallying each
 * command's outcome. A module that fails fails the commands that use it, never the rest of the
 * script; a module the runtime does not support (beyond the allocator's limits, or using a
 * feature Chicory cannot execute) is skipped with the commands that use it. Text modules go
 * through the runtime's text parser like binaries. All instances live in one {@link Store}, so
 * registered instances share its protection key; {@link #close()} returns them to the allocator.
 */
final class ScriptSession implements AutoCloseable {
    /** Why an accepted module of a custom-section assertion is skipped rather than failed. */
    static final String CUSTOM_IGNORED =
            "custom annotation or section not checked: the spec lets engines ignore custom sections";
    private static final String THREADS = "the runner does not run script threads";
    private static final Set<ModuleLoadException.Kind> REJECTED =
            Set.of(ModuleLoadException.Kind.NOT_WASM, ModuleLoadException.Kind.MALFORMED, ModuleLoadException.Kind.INVALID);

    private final Engine engine;
    private final SpectestHost spectest;
    private final WastScript script;
    private final Store store;
    private final Linker linker = new Linker();
    private final Map<String, ModuleState> named = new HashMap<>();
    private final Map<String, Definition> definitions = new HashMap<>();
    private final Map<String, String> skippedRegistrations = new HashMap<>();
    private final List<Module> loaded = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private ModuleState current = new ModuleState.Unavailable("no module is defined yet", false);
    private Definition lastDefinition = new Definition(null, new ModuleState.Unavailable("no module is defined yet", false));
    private int passed;
    /** Whether each module is compiled into the compile cache and loaded again from it first. */
    private final boolean throughCache;

    ScriptSession(Engine engine, SpectestHost spectest, WastScript script, boolean throughCache) {
        this.throughCache = throughCache && engine.strategy() == Strategy.COMPILER;
        this.engine = engine;
        this.spectest = spectest;
        this.script = script;
        this.store = Store.create(engine);
    }

    /** Runs every command. */
    void run() {
        try {
            spectest.link(linker, store);
        } catch (RuntimeException e) {
            failures.add(Failure.ofScript("cannot instantiate the spectest module: " + Outcomes.describe(e)));
            return;
        }
        for (WastCommand command : script.commands()) {
            execute(command);
        }
    }

    int passed() {
        return passed;
    }

    List<Failure> failures() {
        return failures;
    }

    List<Skip> skips() {
        return skips;
    }

    private void execute(WastCommand command) {
        switch (command) {
            case WastCommand.ModuleCommand m when m.module().isDefinition() -> define(m);
            case WastCommand.ModuleCommand m -> module(m);
            case WastCommand.ModuleInstance m -> moduleInstance(m);
            case WastCommand.Register r -> register(r);
            case WastCommand.Action a -> perform(a);
            case WastCommand.AssertReturn a -> assertReturn(a);
            case WastCommand.AssertTrap a when a.action() == null -> assertModule(a, ModuleAssertion.UNINSTANTIABLE, a.module(), a.text());
            case WastCommand.AssertTrap a -> assertFailure(a, FailureKind.TRAP, a.action(), a.text());
            case WastCommand.AssertExhaustion a -> assertFailure(a, FailureKind.EXHAUSTION, a.action(), a.text());
            case WastCommand.AssertException a -> assertFailure(a, FailureKind.EXCEPTION, a.action(), null);
            case WastCommand.AssertModule a -> assertModule(a, ModuleAssertion.of(a.type()), a.module(), a.text());
            case WastCommand.Thread t -> skip(t, THREADS);
            case WastCommand.Wait w -> skip(w, THREADS);
        }
    }

    private void module(WastCommand.ModuleCommand command) {
        Module module = null;
        ModuleState state;
        String name = command.module().name();
        try {
            module = load(command.module());
            state = new ModuleState.Ready(instantiate(module));
            pass();
        } catch (RuntimeException | StackOverflowError e) {
            state = moduleFailed(command, e);
        }
        current = state;
        if (name != null) {
            named.put(name, state);
            definitions.put(name, new Definition(module, state instanceof ModuleState.Unavailable u ? u : null));
        }
    }

    /** {@code module definition}: loads (decodes and validates) the module without instantiating it. */
    private void define(WastCommand.ModuleCommand command) {
        Definition definition;
        try {
            definition = new Definition(load(command.module()), null);
            pass();
        } catch (RuntimeException | StackOverflowError e) {
            definition = new Definition(null, moduleFailed(command, e));
        }
        lastDefinition = definition;
        if (command.module().name() != null) {
            definitions.put(command.module().name(), definition);
        }
    }

    private void moduleInstance(WastCommand.ModuleInstance command) {
        Definition definition = command.definition() == null
                ? lastDefinition
                : definitions.getOrDefault(command.definition(),
                        new Definition(null, new ModuleState.Unavailable("no module definition named $" + command.definition(), false)));
        ModuleState state;
        if (definition.unavailable() != null) {
            unavailable(command, definition.unavailable());
            state = definition.unavailable();
        } else {
            try {
                state = new ModuleState.Ready(instantiate(definition.module()));
                pass();
            } catch (RuntimeException | StackOverflowError e) {
                state = moduleFailed(command, e);
            }
        }
        current = state;
        if (command.instance() != null) {
            named.put(command.instance(), state);
        }
    }

    /** Records why a module command failed, or was skipped, and what that leaves for later commands. */
    private ModuleState.Unavailable moduleFailed(WastCommand command, Throwable e) {
        String unsupported = unsupported(e);
        if (unsupported != null) {
            skip(command, unsupported);
            return new ModuleState.Unavailable("module at line " + command.line() + " was skipped: " + unsupported, true);
        }
        String reason = Outcomes.describe(e);
        fail(command, "cannot instantiate the module: " + reason);
        return new ModuleState.Unavailable("module at line " + command.line() + " failed: " + reason, false);
    }

    private void register(WastCommand.Register command) {
        ModuleState state = command.module() == null ? current : named(command.module());
        switch (state) {
            case ModuleState.Ready ready -> {
                linker.instance(command.as(), ready.instance());
                pass();
            }
            case ModuleState.Unavailable unavailable -> {
                if (unavailable.skipped()) {
                    skippedRegistrations.put(command.as(), unavailable.reason());
                }
                unavailable(command, unavailable);
            }
        }
    }

    private void perform(WastCommand.Action command) {
        Instance instance = instanceFor(command, command.action().module());
        if (instance == null) {
            return;
        }
        try {
            Results.of(instance, command.action());
            pass();
        } catch (RuntimeException | StackOverflowError e) {
            fail(command, Outcomes.describe(e));
        }
    }

    private void assertReturn(WastCommand.AssertReturn command) {
        Instance instance = instanceFor(command, command.action().module());
        if (instance == null) {
            return;
        }
        try {
            Results results = Results.of(instance, command.action());
            String mismatch = ResultMatcher.mismatch(command.expected(), results.raw(), results.types());
            if (mismatch == null) {
                pass();
            } else {
                fail(command, command.action() + ": " + mismatch);
            }
        } catch (RuntimeException | StackOverflowError e) {
            fail(command, command.action() + ": expected " + ResultMatcher.describe(command.expected()) + ", got " + Outcomes.describe(e));
        }
    }

    private void assertFailure(WastCommand command, FailureKind kind, WastAction action, String text) {
        Instance instance = instanceFor(command, action.module());
        if (instance == null) {
            return;
        }
        String expected = Outcomes.expectedFailure(kind, text);
        try {
            Results results = Results.of(instance, action);
            fail(command, action + ": expected " + expected + ", got " + ResultMatcher.describe(results.raw(), results.types()));
        } catch (RuntimeException | StackOverflowError e) {
            if (Outcomes.failsAsExpected(kind, text, e)) {
                pass();
            } else {
                fail(command, action + ": expected " + expected + ", got " + Outcomes.describe(e));
            }
        }
    }

    private void assertModule(WastCommand command, ModuleAssertion kind, WastModule source, String text) {
        String expected = kind.keyword().substring("assert_".length()).replace('_', ' ') + " module (" + text + ")";
        Module module;
        try {
            module = load(source);
        } catch (ModuleLoadException e) {
            String unsupported = unsupported(e);
            if (unsupported != null) {
                skip(command, unsupported);
                return;
            }
            boolean rejected =
                    switch (kind) {
                        case MALFORMED, INVALID, MALFORMED_CUSTOM, INVALID_CUSTOM -> REJECTED.contains(e.kind());
                        case UNLINKABLE, UNINSTANTIABLE -> false;
                    };
            record(command, rejected, "expected " + expected + ", got " + Outcomes.describe(e));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            fail(command, "expected " + expected + ", got " + Outcomes.describe(e));
            return;
        }
        if (kind.isCustom()) {
            skip(command, CUSTOM_IGNORED);
            return;
        }
        try {
            instantiate(module);
            fail(command, "expected " + expected + ", but it was instantiated");
        } catch (RuntimeException | StackOverflowError e) {
            String unsupported = unsupported(e);
            if (unsupported != null) {
                skip(command, unsupported);
                return;
            }
            boolean asExpected =
                    switch (kind) {
                        case MALFORMED, MALFORMED_CUSTOM, INVALID_CUSTOM -> false;
                        case INVALID -> e instanceof ModuleLoadException m && m.kind() == ModuleLoadException.Kind.INVALID;
                        case UNLINKABLE -> e instanceof LinkException;
                        case UNINSTANTIABLE -> Outcomes.trapsAsExpected(text, e);
                    };
            record(command, asExpected, "expected " + expected + ", got " + Outcomes.describe(e));
        }
    }

    /**
     * Loads a script's module, named {@code FILE:LINE} in messages.
     *
     * @throws ModuleLoadException of kind {@code MALFORMED} for text the parser rejects
     */
    private Module load(WastModule source) {
        String label = script.fileName() + ":" + source.line();
        byte[] bytes;
        try {
            bytes = source.toBinary();
        } catch (TextFormatException e) {
            throw ModuleLoadException.at(ModuleLoadException.Kind.MALFORMED, label, e.line(), e.column(), e.reason(), e);
        }
        Module module = Module.fromBytes(engine, label, bytes);
        if (throughCache) {
            module = reloadedFromCache(module, label, bytes);
        }
        loaded.add(module);
        return module;
    }

    /**
     * {@code module} compiled into the compile cache and loaded again, now from the cache. A
     * module that does not compile is kept as it is: instantiating it reports the failure.
     */
    private Module reloadedFromCache(Module module, String label, byte[] bytes) {
        try {
            module.compile();
        } catch (RuntimeException e) {
            return module;
        }
        module.unload();
        return Module.fromBytes(engine, label, bytes);
    }

    /**
     * Instantiates {@code module}; a module that imports from a registered module that was
     * skipped is not supported either ({@code UNSUPPORTED}), rather than unlinkable.
     */
    private Instance instantiate(Module module) {
        List<ImportType> imports = module.imports();
        for (ImportType imported : imports) {
            String from = imported.module();
            if (skippedRegistrations.containsKey(from)) {
                throw new ModuleLoadException(ModuleLoadException.Kind.UNSUPPORTED, module.name(),
                        "imports from `" + from + "`, whose " + skippedRegistrations.get(from), null);
            }
        }
        if (SpectestHost.needsSharedMemory(imports, linker)) {
            spectest.linkSharedMemory(linker, store);
        }
        return linker.instantiate(store, module);
    }

    private Instance instanceFor(WastCommand command, String module) {
        ModuleState state = module == null ? current : named(module);
        return switch (state) {
            case ModuleState.Ready ready -> ready.instance();
            case ModuleState.Unavailable unavailable -> {
                unavailable(command, unavailable);
                yield null;
            }
        };
    }

    private ModuleState named(String name) {
        return named.getOrDefault(name, new ModuleState.Unavailable("no module named $" + name, false));
    }

    private void unavailable(WastCommand command, ModuleState.Unavailable state) {
        if (state.skipped()) {
            skip(command, state.reason());
        } else {
            fail(command, state.reason());
        }
    }

    /**
     * The skip reason when {@code error} says the runtime does not support a valid module: it
     * exceeds the allocator's limits (e.g. a pool's tables per module), a limit of the
     * configuration, or uses a feature wasmrun cannot execute; not a failure of the module.
     */
    private static String unsupported(Throwable error) {
        if (error instanceof ModuleLoadException e && e.kind() == ModuleLoadException.Kind.UNSUPPORTED) {
            return e.getCause() instanceof LimitExceededException ? "exceeds the allocator's limits: " + e.problem() : e.problem();
        }
        return null;
    }

    private void record(WastCommand command, boolean passed, String failure) {
        if (passed) {
            pass();
        } else {
            fail(command, failure);
        }
    }

    private void pass() {
        passed++;
    }

    private void fail(WastCommand command, String message) {
        failures.add(new Failure(Reported.line(command), Reported.keyword(command), message));
    }

    private void skip(WastCommand command, String reason) {
        skips.add(new Skip(Reported.line(command), Reported.keyword(command), reason));
    }

    /** Closes the store (every instance, newest first) and drops the allocator's per-module caches. */
    @Override
    public void close() {
        try {
            store.close();
        } catch (RuntimeException e) {
            failures.add(Failure.ofScript("releasing an instance failed: " + Outcomes.describe(e)));
        }
        for (Module module : loaded) {
            module.unload();
        }
    }

    /**
     * A module definition: the loaded module, or why there is none.
     *
     * @param module the loaded module, or null
     * @param unavailable why there is no module, or null
     */
    private record Definition(Module module, ModuleState.Unavailable unavailable) {}

    /** An action's raw results and their types. */
    record Results(long[] raw, List<ValType> types) {
        static Results of(Instance instance, WastAction action) {
            if (action.isGet()) {
                Val value = instance.global(action.field())
                        .orElseThrow(() -> new WasmrunException(instance.module().name() + ": unknown global `" + action.field() + "`"))
                        .get();
                long[] raw = value.type() == ValType.V128 ? new long[] {value.raw(), value.rawHigh()} : new long[] {value.raw()};
                return new Results(raw, List.of(value.type()));
            }
            Func function = instance.requireFunc(action.field());
            return new Results(function.callRaw(ValueCodec.encode(action.args())), function.type().results());
        }
    }
}
