package io.wasmrun;

import io.wasmrun.runtime.values.V128Values;
import io.wasmrun.runtime.values.ValueSyntaxException;
import io.wasmrun.runtime.values.WasmValues;
import java.util.Objects;

/**
 * A typed WebAssembly value, as {@link Func#call(Val...)} takes and returns them. Numbers keep
 * their exact bits (a NaN's payload, {@code -0.0}); references are opaque to the host except for
 * null: a function reference from a table or a call can be passed back into the same store.
 *
 * <p>{@link #raw()} is the value as the engines see it (i32 as int bits, floats as their bit
 * patterns, references as indices), the form {@link Func#callRaw(long...)} uses.
 */
public final class Val {
    /** The raw bits of a null reference. */
    static final long NULL_REF = -1L;

    private final ValType type;
    private final long bits;
    private final long high;

    private Val(ValType type, long bits, long high) {
        this.type = type;
        this.bits = bits;
        this.high = high;
    }

    public static Val i32(int value) {
        return new Val(ValType.I32, value & 0xFFFF_FFFFL, 0);
    }

    public static Val i64(long value) {
        return new Val(ValType.I64, value, 0);
    }

    public static Val f32(float value) {
        return new Val(ValType.F32, Float.floatToRawIntBits(value) & 0xFFFF_FFFFL, 0);
    }

    public static Val f64(double value) {
        return new Val(ValType.F64, Double.doubleToRawLongBits(value), 0);
    }

    /** A v128 from its low and high 64 bits (lane 0 is the lowest byte of {@code low}). */
    public static Val v128(long low, long high) {
        return new Val(ValType.V128, low, high);
    }

    /** The null reference of a reference type. */
    public static Val nullRef(ValType type) {
        if (!type.isReference()) {
            throw new IllegalArgumentException(type + " is not a reference type");
        }
        return new Val(type, NULL_REF, 0);
    }

    /**
     * Reads a value of {@code type} from text, as a command line or a script gives it: integers in
     * decimal or {@code 0x} hex, signed or unsigned range ({@code -1} and {@code 4294967295} are
     * the same i32), {@code _} separators; floats in decimal or hex ({@code 0x1.8p3}), {@code inf},
     * {@code nan}, {@code nan:0x...}; {@code null} for a reference; a v128 as a shape and its lanes
     * ({@code i32x4 1 2 3 4}, {@code f32x4 1.5 nan inf -0}, lanes as above, integer lanes signed or
     * unsigned within their width) or as one unsigned 128-bit integer in {@code 0x} hex or decimal,
     * lane 0 in the lowest bits ({@code 0x00000004_00000003_00000002_00000001} is {@code i32x4 1 2
     * 3 4}). The inverse of {@link #text()}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Val parse(ValType type, String text) {
        try {
            if (type == ValType.V128) {
                long[] halves = V128Values.parse(text);
                return v128(halves[0], halves[1]);
            }
            return fromRaw(type, WasmValues.parse(text, ChicoryTypes.chicory(type)));
        } catch (ValueSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The value of {@code type} with raw bits {@code raw}: an int's bits for i32 and f32 (the low
     * 32 bits), a long's for i64 and f64, the engine's index for references. Not for v128.
     */
    public static Val fromRaw(ValType type, long raw) {
        return switch (type) {
            case I32 -> i32((int) raw);
            case F32 -> new Val(type, raw & 0xFFFF_FFFFL, 0);
            case V128 -> throw new IllegalArgumentException("a v128 has two raw halves: use v128(low, high)");
            default -> new Val(type, raw, 0);
        };
    }

    public ValType type() {
        return type;
    }

    /** The raw bits (for v128, the low half). */
    public long raw() {
        return bits;
    }

    /** A v128's high 64 bits; 0 for other types. */
    public long rawHigh() {
        return high;
    }

    public int i32() {
        expect(ValType.I32);
        return (int) bits;
    }

    public long i64() {
        expect(ValType.I64);
        return bits;
    }

    public float f32() {
        expect(ValType.F32);
        return Float.intBitsToFloat((int) bits);
    }

    public double f64() {
        expect(ValType.F64);
        return Double.longBitsToDouble(bits);
    }

    /** Whether this is a null reference. */
    public boolean isNull() {
        return type.isReference() && bits == NULL_REF;
    }

    private void expect(ValType expected) {
        if (type != expected) {
            throw new IllegalStateException("the value is " + type + ", not " + expected);
        }
    }

    /**
     * The value alone in the text format's spelling: integers in signed decimal, floats in
     * shortest form ({@code inf}, {@code nan}, {@code nan:0x200000} for a payload), a reference as
     * {@code null} or {@code ref N}; a v128 as wasmtime's {@code --invoke} prints one, the unsigned
     * 128-bit integer in decimal ({@code i32x4 1 0 0 0} is {@code 1}).
     */
    public String text() {
        return type == ValType.V128
                ? V128Values.format(bits, high)
                : WasmValues.format(bits, ChicoryTypes.chicory(type));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Val v && v.type == type && v.bits == bits && v.high == high;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, bits, high);
    }

    /**
     * The value in the text format's words, e.g. {@code i32:7}, {@code f64:-0.0}, {@code
     * funcref:null}, {@code v128:1} (a v128 as {@link #text()} prints it).
     */
    @Override
    public String toString() {
        String value = switch (type) {
            case I32 -> Integer.toString((int) bits);
            case I64 -> Long.toString(bits);
            case F32 -> Float.toString(f32());
            case F64 -> Double.toString(f64());
            case V128 -> text();
            default -> isNull() ? "null" : "#" + bits;
        };
        return type + ":" + value;
    }
}
