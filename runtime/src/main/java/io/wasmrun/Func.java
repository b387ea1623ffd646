package io.wasmrun;

import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.runtime.Signatures;
import java.util.List;

/**
 * A function of an instance. {@link #call(Val...)} checks and converts typed values; {@link
 * #callRaw(long...)} is the fast path for hot loops, taking and returning the engines' raw bits
 * (i32 as int bits, floats as their bit patterns, a v128 as two longs, low half first).
 *
 * <p>Calls run on the instance's execution stack with the store's protection key, and end with a
 * {@link Trap} when the guest traps or the store's timeout elapses.
 */
public final class Func implements Extern {
    private final Instance owner;
    private final int index;
    private final FunctionType chicoryType;
    private final FuncType type;
    private final int rawParams;

    private Func(Instance owner, int index, FunctionType chicoryType, FunctionType declaredType) {
        this.owner = owner;
        this.index = index;
        this.chicoryType = chicoryType;
        this.type = owner.module().functionType(index, declaredType);
        this.rawParams = RawValues.width(type.params());
    }

    static Func exported(Instance owner, int index) {
        return new Func(
                owner,
                index,
                Signatures.functionType(owner.wasmInstance().chicory().module(), index),
                Signatures.functionType(owner.module().loaded().declared(), index));
    }

    @Override
    public Store store() {
        return owner.store();
    }

    @Override
    public FuncType type() {
        return type;
    }

    /**
     * Calls the function with typed arguments.
     *
     * @throws IllegalArgumentException when the arguments do not match {@link #type()}
     * @throws Trap when the guest traps
     */
    public Val[] call(Val... args) {
        List<ValType> params = type.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException(
                    "function " + type + " takes " + params.size() + " arguments, got " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].type() != params.get(i)) {
                throw new IllegalArgumentException(
                        "argument " + i + " must be " + params.get(i) + ", got " + args[i]);
            }
        }
        return RawValues.toVals(type.results(), callRaw(RawValues.toRaw(args, rawParams)));
    }

    /**
     * Calls the function with raw arguments and returns its raw results.
     *
     * @throws IllegalArgumentException when the number of raw arguments is wrong
     * @throws Trap when the guest traps
     */
    public long[] callRaw(long... args) {
        if (args.length != rawParams) {
            throw new IllegalArgumentException(
                    "function " + type + " takes " + rawParams + " raw values, got " + args.length);
        }
        var chicory = owner.wasmInstance().chicory();
        long[] results = owner.store().call(owner.wasmInstance(), () -> chicory.getMachine().call(index, args));
        return results == null ? RawValues.NONE : results;
    }

    /**
     * The exact type as the engines run it, with the typed references that {@link #type()} groups
     * and each v128 as two i64 (imports of the function are checked against it).
     */
    FunctionType chicoryType() {
        return chicoryType;
    }

    com.dylibso.chicory.runtime.Instance chicoryOwner() {
        return owner.wasmInstance().chicory();
    }

    /** The function's index in its instance (imports first), for embedders that log it. */
    public int index() {
        return index;
    }

    @Override
    public String toString() {
        return "Func[" + owner.module().name() + " func " + index + " " + type + "]";
    }
}
