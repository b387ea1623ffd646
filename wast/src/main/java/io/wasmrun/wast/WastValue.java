package io.wasmrun.wast;

import java.util.List;

/**
 * A value as wast2json writes it: a type, and for {@code v128} the lane type and one text per
 * lane. Numbers are the value's bits as an unsigned decimal; floats may also be the patterns
 * {@code nan:canonical} and {@code nan:arithmetic}; references are {@code null} or a host value
 * number. An expected reference without text matches any non-null reference. An expected
 * {@code either} matches when one of its alternatives does.
 *
 * @param type {@code i32}, {@code i64}, {@code f32}, {@code f64}, {@code v128}, {@code funcref},
 *     {@code externref}, ..., or {@code either}
 * @param laneType the lane type of a {@code v128}, otherwise {@code null}
 * @param texts the value's text (one element), its lanes' texts ({@code v128}), or none
 * @param alternatives the values an {@code either} allows, otherwise empty
 */
public record WastValue(String type, String laneType, List<String> texts, List<WastValue> alternatives) {
    public WastValue {
        texts = List.copyOf(texts);
        alternatives = List.copyOf(alternatives);
    }

    /** A scalar value. */
    public static WastValue of(String type, String text) {
        return new WastValue(type, null, text == null ? List.of() : List.of(text), List.of());
    }

    /** A {@code v128} given by its lanes. */
    public static WastValue vector(String laneType, List<String> lanes) {
        return new WastValue("v128", laneType, lanes, List.of());
    }

    /** An expected result that may be any of {@code alternatives}. */
    public static WastValue either(List<WastValue> alternatives) {
        return new WastValue("either", null, List.of(), alternatives);
    }

    /** The single text of a scalar, or {@code null} when the value has none. */
    public String text() {
        return texts.isEmpty() ? null : texts.getFirst();
    }

    @Override
    public String toString() {
        if (!alternatives.isEmpty()) {
            return "either" + alternatives;
        }
        if (laneType != null) {
            return "v128:" + laneType + texts;
        }
        return texts.isEmpty() ? type : type + ":" + text();
    }
}
