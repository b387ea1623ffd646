package io.wasmrun;

import com.dylibso.chicory.runtime.GlobalInstance;

/** A global variable of an instance. */
public final class Global implements Extern {
    private final Store store;
    private final GlobalInstance global;

    Global(Store store, GlobalInstance global) {
        this.store = store;
        this.global = global;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public GlobalType type() {
        return ChicoryTypes.globalType(global.getType(), global.getMutabilityType());
    }

    public Val get() {
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
        global.setValueLow(value.raw());
        global.setValueHigh(value.rawHigh());
    }

    GlobalInstance chicory() {
        return global;
    }

    @Override
    public String toString() {
        return "Global[" + get() + "]";
    }
}
