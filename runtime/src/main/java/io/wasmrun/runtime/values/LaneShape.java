package io.wasmrun.runtime.values;

import com.dylibso.chicory.wasm.types.ValType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A v128 shape of the text format ({@code i32x4}, {@code f64x2}, ...): how wide its lanes are and how they read. */
enum LaneShape {
    I8X16(8, null),
    I16X8(16, null),
    I32X4(32, null),
    I64X2(64, null),
    F32X4(32, ValType.F32),
    F64X2(64, ValType.F64);

    /** The shapes as the text format spells them, for messages. */
    static final String NAMES = Arrays.stream(values()).map(LaneShape::toString).collect(Collectors.joining(", "));

    private final int bits;
    private final ValType floatType;

    LaneShape(int bits, ValType floatType) {
        this.bits = bits;
        this.floatType = floatType;
    }

    /** The shape named {@code word} ({@code i32x4}, case-insensitive), if it is one. */
    static Optional<LaneShape> named(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.toString().equals(lower)).findFirst();
    }

    int bits() {
        return bits;
    }

    int lanes() {
        return 128 / bits;
    }

    /** One lane's text as its bits, in the low {@link #bits()} bits. */
    long lane(String text) {
        return floatType == null ? WasmValues.parseInteger(text, bits) : WasmValues.parse(text, floatType);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
