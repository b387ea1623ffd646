package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.FunctionBody;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Writes a function body into a built Chicory instance. Chicory 1.7.5 copies the module's bodies
 * into the instance's private {@code functions} array when it builds the instance, and its
 * interpreter reads them only from there ({@code Instance.function}), so a body decoded after the
 * instance exists has to go into that array. It is reachable where Chicory's runtime package is
 * open to wasmrun: always on the class path (the command line), on the module path only with
 * {@code --add-opens}; elsewhere {@link #writable()} is false and bodies are decoded up front.
 */
public final class InstanceFunctionBodies {
    private static final VarHandle FUNCTIONS = functionsField();

    private InstanceFunctionBodies() {}

    /** Whether bodies can be written into instances here. */
    public static boolean writable() {
        return FUNCTIONS != null;
    }

    /** Makes {@code body} the body of function {@code funcId} (absolute index) of {@code instance}. */
    public static void set(Instance instance, int funcId, FunctionBody body) {
        var functions = (FunctionBody[]) FUNCTIONS.get(instance);
        functions[funcId - instance.imports().functionCount()] = body;
    }

    private static VarHandle functionsField() {
        try {
            return MethodHandles.privateLookupIn(Instance.class, MethodHandles.lookup())
                    .findVarHandle(Instance.class, "functions", FunctionBody[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
