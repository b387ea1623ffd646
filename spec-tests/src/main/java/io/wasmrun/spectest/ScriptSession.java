package io.wasmrun.spectest;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.runtime.LinkException;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.ModuleLoadException;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.runtime.WasmTrap;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the commands of one script in order, keeping the state the script builds up (the
 * current module, named modules, registered names) and tallying each command's outcome. A module
 * that fails fails the commands that use it, never the rest of the script; a module beyond the
 * allocator's limits is skipped with the commands that use it. Text modules ({@code .wat}, from
 * {@code module quote}) go through the runtime's text parser like binaries. {@link #close()}
 * returns every instance to the allocator.
 */
final class ScriptSession implements AutoCloseable {
    private static final Set<ModuleLoadException.Kind> REJECTED =
            Set.of(ModuleLoadException.Kind.NOT_WASM, ModuleLoadException.Kind.MALFORMED, ModuleLoadException.Kind.INVALID);

    private final WasmRuntime runtime;
    private final SpectestHost spectest;
    private final WastScript script;
    private final Linker linker = new Linker();
    private final Map<String, ModuleState> named = new HashMap<>();
    private final List<WasmInstance> instances = new ArrayList<>();
    private final List<LoadedModule> loaded = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Skip> skips = new ArrayList<>();
    private ModuleState current = new ModuleState.Unavailable("no module is defined yet", false);
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
            case Command.Module m -> module(m);
            case Command.Register r -> register(r);
            case Command.Perform p -> perform(p);
            case Command.AssertReturn a -> assertReturn(a);
            case Command.AssertFailure a -> assertFailure(a);
            case Command.AssertModule a -> assertModule(a);
        }
    }

    private void module(Command.Module command) {
        ModuleState state;
        try {
            state = new ModuleState.Ready(instantiate(load(command.filename())));
            pass();
        } catch (RuntimeException | StackOverflowError e) {
            String limit = overLimits(e);
            if (limit != null) {
                skip(command, limit);
                state = new ModuleState.Unavailable("module at line " + command.line() + " was skipped: " + limit, true);
            } else {
                String reason = Outcomes.describe(e);
                fail(command, "cannot instantiate the module: " + reason);
                state = new ModuleState.Unavailable("module at line " + command.line() + " failed: " + reason, false);
            }
        }
        current = state;
        if (command.name() != null) {
            named.put(command.name(), state);
        }
    }

    private void register(Command.Register command) {
        ModuleState state = command.module() == null ? current : named(command.module());
        switch (state) {
            case ModuleState.Ready ready -> {
                linker.defineInstance(command.as(), ready.instance());
                pass();
            }
            case ModuleState.Unavailable unavailable -> unavailable(command, unavailable);
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
        String expected = command.kind().commandName().substring("assert_".length()) + " module (" + command.text() + ")";
        LoadedModule module;
        try {
            module = load(command.filename());
        } catch (ModuleLoadException e) {
            String limit = overLimits(e);
            if (limit != null) {
                skip(command, limit);
                return;
            }
            boolean rejected =
                    switch (command.kind()) {
                        case MALFORMED, INVALID -> REJECTED.contains(e.kind());
                        case UNLINKABLE, UNINSTANTIABLE -> false;
                    };
            record(command, rejected, "expected " + expected + ", got " + Outcomes.describe(e));
            return;
        } catch (RuntimeException | StackOverflowError e) {
            fail(command, "expected " + expected + ", got " + Outcomes.describe(e));
            return;
        }
        try {
            instantiate(module);
            fail(command, "expected " + expected + ", but it was instantiated");
        } catch (RuntimeException | StackOverflowError e) {
            boolean asExpected =
                    switch (command.kind()) {
                        case MALFORMED -> false;
                        case INVALID -> e instanceof ModuleLoadException m && m.kind() == ModuleLoadException.Kind.INVALID;
                        case UNLINKABLE -> e instanceof LinkException;
                        case UNINSTANTIABLE -> e instanceof WasmTrap trap && Outcomes.trapMatches(command.text(), trap.kind());
                    };
            record(command, asExpected, "expected " + expected + ", got " + Outcomes.describe(e));
        }
    }

    private LoadedModule load(String filename) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(script.module(filename));
        } catch (IOException e) {
            throw new ScriptException("cannot read " + script.module(filename) + ": " + e.getMessage(), e);
        }
        LoadedModule module = runtime.load(filename, bytes);
        loaded.add(module);
        return module;
    }

    private WasmInstance instantiate(LoadedModule module) {
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
     * The skip reason when {@code error} says the module exceeds the allocator's limits (e.g. a
     * pool's tables per module): a limit of the configuration, not a failure of the module.
     */
    private static String overLimits(Throwable error) {
        if (error instanceof ModuleLoadException e && e.kind() == ModuleLoadException.Kind.UNSUPPORTED) {
            return "exceeds the allocator's limits: " + e.problem();
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
