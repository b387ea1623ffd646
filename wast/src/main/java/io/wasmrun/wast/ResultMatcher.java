package io.wasmrun.wast;

import io.wasmrun.ValType;
import io.wasmrun.text.wast.WastValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares raw results with an {@code assert_return}'s expected values: numbers bit for bit,
 * {@code nan:canonical} and {@code nan:arithmetic} as NaN patterns, v128 lane by lane, and
 * references as null, non-null or a host number.
 */
final class ResultMatcher {
    private static final long F32_SIGN = 0x8000_0000L;
    private static final long F32_CANONICAL = 0x7FC0_0000L;
    private static final long F64_SIGN = 0x8000_0000_0000_0000L;
    private static final long F64_CANONICAL = 0x7FF8_0000_0000_0000L;

    private ResultMatcher() {}

    /**
     * Returns {@code null} when {@code raw} (of {@code types}) matches {@code expected}, else the
     * message {@code expected (...), got (...)}.
     */
    static String mismatch(List<WastValue> expected, long[] raw, List<ValType> types) {
        boolean matches = expected.size() == types.size() && raw.length == slots(types);
        int slot = 0;
        for (int i = 0; matches && i < types.size(); i++) {
            boolean v128 = types.get(i) == ValType.V128;
            matches = matches(expected.get(i), v128, raw[slot], v128 ? raw[slot + 1] : 0);
            slot += v128 ? 2 : 1;
        }
        return matches ? null : "expected " + describe(expected) + ", got " + describe(raw, types);
    }

    private static int slots(List<ValType> types) {
        int slots = 0;
        for (ValType type : types) {
            slots += type == ValType.V128 ? 2 : 1;
        }
        return slots;
    }

    private static boolean matches(WastValue expected, boolean v128, long low, long high) {
        if (!expected.alternatives().isEmpty()) {
            return expected.alternatives().stream().anyMatch(alternative -> matches(alternative, v128, low, high));
        }
        return v128 ? v128Matches(expected, low, high) : scalarMatches(expected, low);
    }

    private static boolean scalarMatches(WastValue expected, long raw) {
        String text = expected.value();
        return switch (expected.type()) {
            case "i32" -> text != null && (raw & 0xFFFF_FFFFL) == ValueCodec.bits(text, 32);
            case "i64" -> text != null && raw == ValueCodec.bits(text, 64);
            case "f32" -> text != null && floatMatches(text, raw & 0xFFFF_FFFFL, 32);
            case "f64" -> text != null && floatMatches(text, raw, 64);
            case "v128" -> false;
            default -> referenceMatches(text, raw);
        };
    }

    private static boolean referenceMatches(String text, long raw) {
        boolean isNull = (int) raw == ValueCodec.NULL_REF;
        if (text == null) {
            return !isNull;
        }
        if (text.equals("null")) {
            return isNull;
        }
        return !isNull && (int) raw == (int) ValueCodec.reference(text);
    }

    private static boolean floatMatches(String text, long bits, int width) {
        long sign = width == 32 ? F32_SIGN : F64_SIGN;
        long canonical = width == 32 ? F32_CANONICAL : F64_CANONICAL;
        return switch (text) {
            case "nan:canonical" -> (bits & ~sign) == canonical;
            case "nan:arithmetic" -> (bits & canonical) == canonical;
            default -> bits == ValueCodec.bits(text, width);
        };
    }

    private static boolean v128Matches(WastValue expected, long low, long high) {
        if (!expected.type().equals("v128") || expected.laneType() == null) {
            return false;
        }
        int width = V128Lanes.width(expected.laneType());
        boolean floats = expected.laneType().startsWith("f");
        List<String> lanes = expected.lanes();
        if (lanes.size() != 128 / width) {
            return false;
        }
        for (int i = 0; i < lanes.size(); i++) {
            long lane = V128Lanes.lane(low, high, width, i);
            boolean ok = floats ? floatMatches(lanes.get(i), lane, width) : lane == ValueCodec.bits(lanes.get(i), width);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Expected values in the text format's spelling, e.g. {@code (i32 -1, f32 nan:canonical)}. */
    static String describe(List<WastValue> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (WastValue value : values) {
            texts.add(describe(value));
        }
        return "(" + String.join(", ", texts) + ")";
    }

    private static String describe(WastValue value) {
        if (!value.alternatives().isEmpty()) {
            return "either " + describe(value.alternatives());
        }
        String text = value.value();
        return switch (value.type()) {
            case "i32", "i64", "f32", "f64" -> {
                if (text == null || text.startsWith("nan:")) {
                    yield value.type() + (text == null ? "" : " " + text);
                }
                ValType type = numberType(value.type());
                int width = value.type().endsWith("32") ? 32 : 64;
                yield value.type() + " " + ValueCodec.format(ValueCodec.bits(text, width), type);
            }
            case "v128" -> "v128 " + value.laneType() + "x" + value.lanes().size() + " " + String.join(" ", value.lanes());
            default -> text == null ? "(ref " + value.type() + ")" : text.equals("null") ? "ref.null " + value.type() : "ref.extern " + text;
        };
    }

    /** Raw values of {@code types} in the text format's spelling. */
    static String describe(long[] raw, List<ValType> types) {
        if (raw.length != slots(types)) {
            return raw.length + " raw values for " + types.size() + " results";
        }
        List<String> texts = new ArrayList<>(types.size());
        int slot = 0;
        for (ValType type : types) {
            if (type == ValType.V128) {
                texts.add(ValueCodec.formatV128(raw[slot], raw[slot + 1]));
                slot += 2;
            } else {
                texts.add(type + " " + ValueCodec.format(raw[slot], type));
                slot++;
            }
        }
        return "(" + String.join(", ", texts) + ")";
    }

    private static ValType numberType(String name) {
        return switch (name) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            default -> ValType.F64;
        };
    }
}
