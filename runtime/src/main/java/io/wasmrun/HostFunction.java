package io.wasmrun;

/**
 * A function the host defines for guests to import ({@link Linker#func}), called with typed
 * arguments. An exception it throws ends the guest's call and reaches the embedder as it is; throw
 * a {@link Trap} to make the guest trap.
 */
@FunctionalInterface
public interface HostFunction {
    /**
     * @param caller the calling instance, for access to its memory
     * @param args the arguments, of the function's parameter types
     * @return the results, of the function's result types
     */
    Val[] call(Caller caller, Val[] args);
}
