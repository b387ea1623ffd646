package io.wasmrun.spectest;

import java.util.List;

/**
 * A value as wast2json writes it: a type, and for {@code v128} the lane type and one text per
 * lane. Numbers are the value's bits as an unsigned decimal; floats may also be the patterns
 * {@code nan:canonical} and {@code nan:arithmetic}; references are {@code null} or a host value
 * number. An expected reference without text matches any non-null reference.
 *
 * @param type {@code i32}, {@code i64}, {@code f32}, {@code f64}, {@code v128}, {@code funcref},
 *     {@code externref}, ...
 * @param laneType the lane type of a {@code v128}, otherwise {@code null}
 * @param texts the value's text (one element), its lanes' texts ({@code v128}), or none
 */
public record WastValue(String type, String laneType, List<String> texts) {
    public WastValue {
        texts = List.copyOf(texts);
    }

    /** A scalar value. */
    public static WastValue of(String type, String text) {
        return new WastValue(type, null, text == null ? List.of() : List.of(text));
    }

    /** The single text of a scalar, or {@code null} when the value has none. */
    public String text() {
        return texts.isEmpty() ? null : texts.getFirst();
    }

    @Override
    public String toString() {
        if (laneType != null) {
            return "v128:" + laneType + texts;
        }
        return texts.isEmpty() ? type : type + ":" + text();
    }
}
