package io.wasmrun.spectest.fuzz;

/**
 * How two floats compare when at least one is a NaN. The spec leaves a NaN result's sign and
 * payload to the engine (only canonical inputs guarantee a canonical result), so no rule compares
 * payload bits. Every other value, including the sign of zero, compares by its bits.
 *
 * <p>A v128 compares per float lane: the spec's NaN rules hold for each lane of an f32x4 or f64x2
 * result, and the value does not say its shape, so each 64-bit half matches when its bits are
 * equal, when it matches as an f64x2 lane, or when both its 32-bit halves match as f32x4 lanes.
 * An integer lane whose bits happen to form NaNs on both sides may thus hide a payload difference;
 * any other difference counts.
 */
public enum NanRule {
    /**
     * Any NaN matches any NaN (binaryen's fuzzer: {@code numbers_are_close_enough} in
     * {@code scripts/fuzz_opt.py} ignores a NaN's bits).
     */
    ANY,
    /**
     * NaNs match when both are quiet (canonical or arithmetic, any sign and payload) or both
     * signalling. Arithmetic never produces a signalling NaN and loads, stores, constants,
     * reinterpretations and sign operations keep one unchanged, so a quiet NaN against a
     * signalling one means one engine is wrong (Chicory 1.7.5's f32.min, for example, returns a
     * signalling operand as it is).
     */
    QUIETNESS;

    /** Whether {@code actual} matches {@code expected} under this rule. */
    public boolean matches(Value expected, Value actual) {
        if (!expected.type().equals(actual.type())) {
            return false;
        }
        if (expected.type().equals("v128")) {
            return halfMatches(expected.low(), actual.low()) && halfMatches(expected.high(), actual.high());
        }
        if (!expected.isFloat()) {
            return expected.text().equals(actual.text());
        }
        Value.NanClass e = expected.nanClass();
        Value.NanClass a = actual.nanClass();
        if (e == Value.NanClass.NONE || a == Value.NanClass.NONE) {
            return expected.bits() == actual.bits();
        }
        return this == ANY || e.isQuiet() == a.isQuiet();
    }

    /** Whether a 64-bit half of a v128 matches: by its bits, as an f64x2 lane or as two f32x4 lanes. */
    private boolean halfMatches(long expected, long actual) {
        return expected == actual
                || matches(Value.f64(expected), Value.f64(actual))
                || (matches(Value.f32((int) expected), Value.f32((int) actual)) && matches(Value.f32((int) (expected >>> 32)), Value.f32((int) (actual >>> 32))));
    }
}
