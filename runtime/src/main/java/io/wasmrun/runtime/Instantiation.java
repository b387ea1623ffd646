package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.UnlinkableException;
import io.wasmrun.LinkException;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.Trap;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.LimitExceededException;

/** Turns a failed instantiation's exception into the one wasmrun reports. */
final class Instantiation {
    private Instantiation() {}

    static RuntimeException translate(Throwable error, LoadedModule module) {
        if (error instanceof WasmrunException known) {
            return known;
        }
        if (error instanceof UnlinkableException unlinkable) {
            return new LinkException(module.name() + ": " + unlinkable.getMessage(), unlinkable);
        }
        if (error instanceof InvalidException invalid) {
            return new ModuleLoadException(
                    ModuleLoadException.Kind.INVALID, module.name(), invalid.getMessage(), invalid);
        }
        if (error instanceof LimitExceededException limit) {
            return new WasmrunException(module.name() + ": " + limit.getMessage(), limit);
        }
        RuntimeException translated = Execution.translate(error, module.wasm());
        if (translated instanceof Trap) {
            return translated;
        }
        return failed(translated, module);
    }

    /** Like {@link #translate}, for failures before any guest code ran: never a trap. */
    static RuntimeException notATrap(RuntimeException error, LoadedModule module) {
        if (error instanceof WasmrunException
                || error instanceof UnlinkableException
                || error instanceof InvalidException
                || error instanceof LimitExceededException) {
            return translate(error, module);
        }
        return failed(error, module);
    }

    private static WasmrunException failed(Throwable error, LoadedModule module) {
        return new WasmrunException(
                module.name() + ": instantiation failed: " + describe(error), error);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
