package io.wasmrun;

import com.dylibso.chicory.wasm.types.MutabilityType;

import com.dylibso.chicory.runtime.GlobalInstance;

/**
 * A global variable of an instance. A v128 global of a module that uses SIMD lives in the engines
 * as two i64 globals, its halves; this class joins them again.
 */
public final class Global implements Extern {
    private final Store store;
    private final GlobalInstance global;
    private final GlobalInstance high;

    Global(Store store, GlobalInstance global) {
        this(store, global, null);
    }

    /** A v128 global held as its low and high halves. */
    Global(Store store, GlobalInstance low, GlobalInstance high) {
        this.store = store;
        this.global = low;
        this.high = high;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public GlobalType type() {
        if (high != null) {
            return new GlobalType(ValType.V128, global.getMutabilityType() == MutabilityType.Var);
        }
        return ChicoryTypes.globalType(global.getType(), global.getMutabilityType());
    }

    public Val get() {
        if (high != null) {
            return Val.v128(global.getValue(), high.getValue());
        }
        ValType type = ChicoryTypes.valType(global.getType());
        return type == ValType.V128
                ? Val.v128(global.getValueLow(), global.getValueHigh())
                : Val.fromRaw(type, global.getValue());
    }

    /**
     * Sets a mutable global.
     *
     * @throws IllegalStateException when the global is immutable
     * @throws IllegalArgumentException when {@code value} has another type
     */
    public void set(Val value) {
        GlobalType type = type();
        if (!type.mutable()) {
            throw new IllegalStateException("the global is immutable");
        }
        if (value.type() != type.content()) {
            throw new IllegalArgumentException("the global holds " + type.content() + ", not " + value.type());
        }
        if (high != null) {
            global.setValue(value.raw());
            high.setValue(value.rawHigh());
            return;
        }
        global.setValueLow(value.raw());
        global.setValueHigh(value.rawHigh());
    }

    GlobalInstance chicory() {
        return global;
    }

    /** The high half of a v128 global the engines hold as two i64 globals, else null. */
    GlobalInstance chicoryHigh() {
        return high;
    }

    @Override
    public String toString() {
        return "Global[" + get() + "]";
    }
}
