package io.wasmrun;

import java.util.List;

/** Typed values to the engines' raw form and back: one long per value, two for a v128. */
final class RawValues {
    static final long[] NONE = new long[0];

    private RawValues() {}

    static int width(List<ValType> types) {
        int width = 0;
        for (ValType t : types) {
            width += t == ValType.V128 ? 2 : 1;
        }
        return width;
    }

    static long[] toRaw(Val[] values, int width) {
        long[] raw = new long[width];
        int at = 0;
        for (Val v : values) {
            raw[at++] = v.raw();
            if (v.type() == ValType.V128) {
                raw[at++] = v.rawHigh();
            }
        }
        return raw;
    }

    static Val[] toVals(List<ValType> types, long[] raw) {
        Val[] values = new Val[types.size()];
        int at = 0;
        for (int i = 0; i < values.length; i++) {
            ValType t = types.get(i);
            if (t == ValType.V128) {
                values[i] = Val.v128(raw[at], raw[at + 1]);
                at += 2;
            } else {
                values[i] = Val.fromRaw(t, raw[at++]);
            }
        }
        return values;
    }
}
