package io.wasmrun.text.wast;

import java.util.List;

/**
 * A constant argument or an expected result, shaped like wast2json's JSON values: {@code type}
 * is e.g. {@code i32}, {@code f64}, {@code v128}, {@code funcref}, {@code externref} or {@code
 * either}; {@code value} is an unsigned decimal bit pattern, {@code nan:canonical}, {@code
 * nan:arithmetic}, {@code null} (for {@code ref.null}) or, for reference patterns that match any
 * non-null reference, Java null. Vectors use {@code laneType} and {@code lanes}; {@code either}
 * uses {@code alternatives}.
 */
public record WastValue(String type, String value, String laneType, List<String> lanes, List<WastValue> alternatives) {

    public static WastValue scalar(String type, String value) {
        return new WastValue(type, value, null, List.of(), List.of());
    }

    public static WastValue vector(String laneType, List<String> lanes) {
        return new WastValue("v128", null, laneType, List.copyOf(lanes), List.of());
    }

    public static WastValue either(List<WastValue> alternatives) {
        return new WastValue("either", null, null, List.of(), List.copyOf(alternatives));
    }

    public boolean isVector() {
        return "v128".equals(type);
    }

    /** E.g. {@code i32:7}, {@code v128:i32[1, 2, 3, 4]}, {@code either[...]} or {@code funcref}. */
    @Override
    public String toString() {
        if (!alternatives.isEmpty()) {
            return "either" + alternatives;
        }
        if (laneType != null) {
            return "v128:" + laneType + lanes;
        }
        return value == null ? type : type + ":" + value;
    }
}
