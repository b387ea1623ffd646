package io.wasmrun;

/**
 * A host function that takes and returns the engines' raw values ({@link Func#callRaw(long...)}'s
 * form): no conversion per call, for functions a guest calls in hot loops.
 */
@FunctionalInterface
public interface RawHostFunction {
    long[] call(Caller caller, long[] args);
}
