package io.wasmrun.runtime;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.OpCode;
import io.wasmrun.runtime.engine.FunctionBodySource;
import io.wasmrun.runtime.engine.InstanceFunctionBodies;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The bodies of a module loaded from the compile cache without them, each decoded when an
 * instance first interprets it and shared by the module's instances. The bodies the classes
 * interpret are kept encoded ({@link SelectedBodies}): a short run of a 30 MB program calls 2 of
 * its 25 such functions. Any other function (compiled, so not kept) reaches the interpreter only
 * through {@code call_ref} or a tail call from an interpreted function, which Chicory's
 * interpreter runs itself; for those, and once an interpreted body holds a tail call (which the
 * interpreter takes without a call that {@link io.wasmrun.runtime.engine.LazyBodyInterpreter}
 * sees), the instance gets every body, from a complete decode of the module.
 */
final class LazyFunctionBodies implements FunctionBodySource {
    private final SelectedBodies selected;
    private final int imported;
    private final Supplier<WasmModule> complete;
    private final ConcurrentHashMap<Integer, FunctionBody> decoded = new ConcurrentHashMap<>();
    private volatile FunctionBody[] all;

    /**
     * @param selected the interpreted functions' bodies, by defined-function index
     * @param imported the module's imported functions, which come before the defined ones
     * @param complete decodes the whole module, should every body be needed
     */
    LazyFunctionBodies(SelectedBodies selected, int imported, Supplier<WasmModule> complete) {
        this.selected = selected;
        this.imported = imported;
        this.complete = complete;
    }

    @Override
    public void supply(Instance instance, int funcId) {
        int index = funcId - imported;
        if (selected.has(index)) {
            FunctionBody body = decoded.computeIfAbsent(index, selected::decode);
            InstanceFunctionBodies.set(instance, funcId, body);
            if (!hasTailCall(body)) {
                return;
            }
        }
        FunctionBody[] every = all();
        for (int i = 0; i < every.length; i++) {
            if (instance.function(imported + i).instructions().isEmpty()) {
                InstanceFunctionBodies.set(instance, imported + i, every[i]);
            }
        }
    }

    /** Whether the body of defined function {@code index} has been decoded here. */
    boolean decoded(int index) {
        return decoded.containsKey(index);
    }

    /** Whether the whole module was decoded for its bodies. */
    boolean decodedAll() {
        return all != null;
    }

    private FunctionBody[] all() {
        FunctionBody[] bodies = all;
        if (bodies == null) {
            synchronized (this) {
                bodies = all;
                if (bodies == null) {
                    bodies = complete.get().codeSection().functionBodies();
                    all = bodies;
                }
            }
        }
        return bodies;
    }

    private static boolean hasTailCall(FunctionBody body) {
        for (AnnotatedInstruction instruction : body.instructions()) {
            OpCode opcode = instruction.opcode();
            if (opcode == OpCode.RETURN_CALL || opcode == OpCode.RETURN_CALL_INDIRECT || opcode == OpCode.RETURN_CALL_REF) {
                return true;
            }
        }
        return false;
    }
}
