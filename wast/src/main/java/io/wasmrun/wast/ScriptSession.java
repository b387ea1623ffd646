package io.wasmrun.wast;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.LinkException;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.Trap;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
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
 * through the runtime's text parser like binaries. {@link #close()} returns every instance to the
 * allocator.
 */
final class ScriptSession implements AutoCloseable {
    /** Why an accepted module of a custom-section assertion is skipped rather than failed. */
    static final String CUSTOM_IGNORED =
            "custom annotation or section not checked: the spec lets engines ignore custom sections";
    private static final Set<ModuleLoadException.Kind> REJECTED =
            Set.of(ModuleLoadException.Kind.NOT_WASM, ModuleLoadException.Kind.MALFORMED, ModuleLoadException.Kind.INVALID);

    private final WasmRuntime runtime;
    private final SpectestHost spectest;
    private final WastScript script;
    private final Linker linker = new Linker();
    private final Map<String, ModuleState> named = new HashMap<>();
    private final Map<String, Definition> definitions = new HashMap<>();
    private final Map<String, String> skippedRegistrations = new HashMap<>();
    private final List<WasmInstance> instances = new ArrayList<>();
    private final List<LoadedModule> loaded = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private ModuleState current = new ModuleState.Unavailable("no module is defined yet", false);
    private Definition lastDefinition = new Definition(null, new ModuleState.Unavailable("no module is defined yet", false));
    private int passed;

    ScriptSession(WasmRuntime runtime, SpectestHost spectest, WastScript script) {
        this.runtime = runtime;
        this.spectest = spectest;
        this.script = script;
    }

    /** Runs every command. */
    void run() {
        try {
            instances.add(spectest.link(linker));
        } catch (RuntimeException e) {
            failures.add(Failure.ofScript("cannot instantiate the spectest module: " + Outcomes.describe(e)));
            return;
        }
        for (Command command : script.commands()) {
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

    private void execute(Command command) {
        switch (command) {
            case Command.Module m when m.definition() -> define(m);
            case Command.Module m -> module(m);
            case Command.ModuleInstance m -> moduleInstance(m);
            case Command.Register r -> register(r);
            case Command.Perform p -> perform(p);
            case Command.AssertReturn a -> assertReturn(a);
            case Command.AssertFailure a -> assertFailure(a);
            case Command.AssertModule a -> assertModule(a);
            case Command.Unsupported u -> skip(u, u.reason());
        }
    }

    private void module(Command.Module command) {
        LoadedModule module = null;
        ModuleState state;
        try {
            module = load(command.module());
            state = new ModuleState.Ready(instantiate(module));
            pass();
        } catch (RuntimeException | StackOverflowError e) {
            state = moduleFailed(command, e);
        }
        current = state;
        if (command.name() != null) {
            named.put(command.name(), state);
            definitions.put(command.name(), new Definition(module, state instanceof ModuleState.Unavailable u ? u : null));
        }
    }

    /** {@code module definition}: loads (decodes and validates) the module without instantiating it. */
    private void define(Command.Module command) {
        Definition definition;
        try {
            definition = new Definition(load(command.module()), null);
            pass();
        } catch (RuntimeException | StackOverflowError e) {
            definition = new Definition(null, moduleFailed(command, e));
        }
        lastDefinition = definition;
        if (command.name() != null) {
            definitions.put(command.name(), definition);
        }
    }

    private void moduleInstance(Command.ModuleInstance command) {
        Definition definition = command.definition() == null
                ? lastDefinition
                : definitions.getOrDefault(command.definition(),
                        new Definition(null, new ModuleState.Unavailable("no module definition named " + command.definition(), false)));
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
    private ModuleState.Unavailable moduleFailed(Command command, Throwable e) {
        String unsupported = unsupported(e);
        if (unsupported != null) {
            skip(command, unsupported);
            return new ModuleState.Unavailable("module at line " + command.line() + " was skipped: " + unsupported, true);
        }
        String reason = Outcomes.describe(e);
        fail(command, "cannot instantiate the module: " + reason);
        return new ModuleState.Unavailable("module at line " + command.line() + " failed: " + reason, false);
    }

    private void register(Command.Register command) {
        ModuleState state = command.module() == null ? current : named(command.module());
        switch (state) {
            case ModuleState.Ready ready -> {
                linker.defineInstance(command.as(), ready.instance());
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

    private void perform(Command.Perform command) {
        WasmInstance instance = instanceFor(command, command.action().module());
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

    private void assertReturn(Command.AssertReturn command) {
        WasmInstance instance = instanceFor(command, command.action().module());
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

    private void assertFailure(Command.AssertFailure command) {
        WasmInstance instance = instanceFor(command, command.action().module());
        if (instance == null) {
            return;
        }
        String expected = Outcomes.expectedFailure(command.kind(), command.text());
        try {
            Results results = Results.of(instance, command.action());
            fail(command, command.action() + ": expected " + expected + ", got " + ResultMatcher.describe(results.raw(), results.types()));
        } catch (RuntimeException | StackOverflowError e) {
            if (Outcomes.failsAsExpected(command.kind(), command.text(), e)) {
                pass();
            } else {
                fail(command, command.action() + ": expected " + expected + ", got " + Outcomes.describe(e));
            }
        }
    }

    private void assertModule(Command.AssertModule command) {
        String expected = command.kind().commandName().substring("assert_".length()).replace('_', ' ')
                + " module (" + command.text() + ")";
        LoadedModule module;
        try {
            module = load(command.module());
        } catch (ModuleLoadException e) {
            String unsupported = unsupported(e);
            if (unsupported != null) {
                skip(command, unsupported);
                return;
            }
            boolean rejected =
                    switch (command.kind()) {
                        case MALFORMED, INVALID, MALFORMED_CUSTOM, INVALID_CUSTOM -> REJECTED.contains(e.kind());
                        case UNLINKABLE, UNINSTANTIABLE -> false;
                    };
            record(command, rejected, "expected " + expected + ", got " + Outcomes.describe(e));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            fail(command, "expected " + expected + ", got " + Outcomes.describe(e));
            return;
        }
        if (command.kind() == Command.ModuleKind.MALFORMED_CUSTOM || command.kind() == Command.ModuleKind.INVALID_CUSTOM) {
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
                    switch (command.kind()) {
                        case MALFORMED, MALFORMED_CUSTOM, INVALID_CUSTOM -> false;
                        case INVALID -> e instanceof ModuleLoadException m && m.kind() == ModuleLoadException.Kind.INVALID;
                        case UNLINKABLE -> e instanceof LinkException;
                        case UNINSTANTIABLE -> e instanceof Trap trap && Outcomes.trapMatches(command.text(), trap.reason());
                    };
            record(command, asExpected, "expected " + expected + ", got " + Outcomes.describe(e));
        }
    }

    private LoadedModule load(ScriptModule source) {
        LoadedModule module = runtime.load(source.label(), source.bytes());
        loaded.add(module);
        return module;
    }

    /**
     * Instantiates {@code module}; a module that imports from a registered module that was
     * skipped is not supported either ({@code UNSUPPORTED}), rather than unlinkable.
     */
    private WasmInstance instantiate(LoadedModule module) {
        var imports = module.wasm().importSection();
        for (int i = 0; i < imports.importCount(); i++) {
            String from = imports.getImport(i).module();
            if (skippedRegistrations.containsKey(from)) {
                throw new ModuleLoadException(ModuleLoadException.Kind.UNSUPPORTED, module.name(),
                        "imports from `" + from + "`, whose " + skippedRegistrations.get(from), null);
            }
        }
        if (SpectestHost.needsSharedMemory(module, linker)) {
            instances.add(spectest.linkSharedMemory(linker));
        }
        WasmInstance instance = runtime.instantiate(module, linker);
        instances.add(instance);
        return instance;
    }

    private WasmInstance instanceFor(Command command, String module) {
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
        return named.getOrDefault(name, new ModuleState.Unavailable("no module named " + name, false));
    }

    private void unavailable(Command command, ModuleState.Unavailable state) {
        if (state.skipped()) {
            skip(command, state.reason());
        } else {
            fail(command, state.reason());
        }
    }

    /**
     * The skip reason when {@code error} says the runtime does not support a valid module: it
     * exceeds the allocator's limits (e.g. a pool's tables per module), a limit of the
     * configuration, or uses a feature Chicory cannot execute (SIMD); not a failure of the module.
     */
    private static String unsupported(Throwable error) {
        if (error instanceof ModuleLoadException e && e.kind() == ModuleLoadException.Kind.UNSUPPORTED) {
            return e.getCause() instanceof LimitExceededException ? "exceeds the allocator's limits: " + e.problem() : e.problem();
        }
        return null;
    }

    private void record(Command command, boolean passed, String failure) {
        if (passed) {
            pass();
        } else {
            fail(command, failure);
        }
    }

    private void pass() {
        passed++;
    }

    private void fail(Command command, String message) {
        failures.add(new Failure(command.line(), command.keyword(), message));
    }

    private void skip(Command command, String reason) {
        skips.add(new Skip(command.line(), command.keyword(), reason));
    }

    /** Closes every instance, newest first, and drops the allocator's per-module caches. */
    @Override
    public void close() {
        for (int i = instances.size() - 1; i >= 0; i--) {
            try {
                instances.get(i).close();
            } catch (RuntimeException e) {
                failures.add(Failure.ofScript("releasing an instance failed: " + Outcomes.describe(e)));
            }
        }
        for (LoadedModule module : loaded) {
            runtime.unload(module);
        }
    }

    /**
     * A module definition: the loaded module, or why there is none.
     *
     * @param module the loaded module, or null
     * @param unavailable why there is no module, or null
     */
    private record Definition(LoadedModule module, ModuleState.Unavailable unavailable) {}

    /** An action's raw results and their types. */
    record Results(long[] raw, List<ValType> types) {
        static Results of(WasmInstance instance, Action action) {
            return switch (action.kind()) {
                case INVOKE -> {
                    var type = instance.functionType(action.field());
                    long[] raw = instance.call(action.field(), ValueCodec.encode(action.args()));
                    yield new Results(raw == null ? new long[0] : raw, type.returns());
                }
                case GET -> {
                    GlobalInstance global = instance.chicory().exports().global(action.field());
                    ValType type = global.getType();
                    long[] raw = type.opcode() == ValType.ID.V128
                            ? new long[] {global.getValueLow(), global.getValueHigh()}
                            : new long[] {global.getValue()};
                    yield new Results(raw, List.of(type));
                }
            };
        }
    }
}
