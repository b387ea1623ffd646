package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.runtime.StackFrame;
import com.dylibso.chicory.runtime.internal.CompilerInterpreterMachine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.Deque;

/**
 * The interpreter that compiled classes run their interpreted functions on (functions too large
 * for a JVM method): Chicory's, with the function's body supplied before it is interpreted when
 * the instance lacks it ({@link FunctionBodySource}). The generated machine class constructs it in
 * place of Chicory's {@code CompilerInterpreterMachine} ({@code EngineCallRedirect}).
 *
 * <p>Every call the interpreter makes goes through {@code call}: from compiled code, {@code call},
 * {@code call_indirect} and {@code call_ref}. Tail calls do not (Chicory handles them inline), so
 * a source supplies every body when a body it gives holds one.
 */
public final class LazyBodyInterpreter extends CompilerInterpreterMachine {
    public LazyBodyInterpreter(Instance instance, int[] interpretedFuncIds) {
        super(instance, interpretedFuncIds);
    }

    @Override
    protected long[] call(
            MStack stack,
            Instance instance,
            Deque<StackFrame> callStack,
            int funcId,
            long[] args,
            FunctionType callType,
            boolean popResults)
            throws ChicoryException {
        FunctionBody body = instance.function(funcId);
        if (body != null && body.instructions().isEmpty()) {
            supply(instance, funcId);
        }
        return super.call(stack, instance, callStack, funcId, args, callType, popResults);
    }

    /** An empty body is one not decoded: a decoded body ends with {@code end} at least. */
    private static void supply(Instance instance, int funcId) {
        if (instance.getMachine().getClass().getClassLoader() instanceof FunctionBodySource.Holder holder
                && holder.functionBodies() != null) {
            holder.functionBodies().supply(instance, funcId);
        }
    }
}
