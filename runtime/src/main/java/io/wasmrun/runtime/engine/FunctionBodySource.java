package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.Instance;

/**
 * Gives an instance the body of a function it is about to interpret, when the instance was built
 * without it: on a compile-cache hit the module is decoded without function bodies, and the few
 * functions its classes leave to the interpreter are decoded when first called ({@link
 * LazyBodyInterpreter}).
 */
public interface FunctionBodySource {
    /**
     * Puts the body of function {@code funcId} (an absolute index: imports first) into {@code
     * instance}, and any others the interpreter may reach from it without a call it can see.
     */
    void supply(Instance instance, int funcId);

    /** What the class loader of a module's compiled classes holds: that module's source, if any. */
    interface Holder {
        /** The source of bodies for instances of this loader's module, or null when they have all. */
        FunctionBodySource functionBodies();
    }
}
