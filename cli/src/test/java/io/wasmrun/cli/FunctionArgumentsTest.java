package io.wasmrun.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wasmrun.FuncType;
import io.wasmrun.Val;
import io.wasmrun.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FunctionArguments#parse}: v128 parameters read from one word each, beside scalars. */
class FunctionArgumentsTest {
    private static final FuncType BLEND = FuncType.of(List.of(ValType.V128, ValType.I32, ValType.V128), List.of(ValType.V128));

    @Test
    void readsEachV128FromOneArgumentInEitherSpelling() {
        Val ints = Val.v128(0x0000_0002_0000_0001L, 0x0000_0004_0000_0003L);
        assertArrayEquals(
                new Val[] {ints, Val.i32(-1), ints},
                FunctionArguments.parse("blend", BLEND, List.of("i32x4 1 2 3 4", "0xffffffff", "0x00000004000000030000000200000001")));
        assertArrayEquals(
                new Val[] {Val.v128(0, 0), Val.i32(7), Val.v128(-1, -1)},
                FunctionArguments.parse("blend", BLEND, List.of("0", "7", "340282366920938463463374607431768211455")));
    }

    @Test
    void aBadV128NamesTheArgumentTheProblemAndTheSignature() {
        var lane = assertThrows(IllegalArgumentException.class,
                () -> FunctionArguments.parse("blend", BLEND, List.of("i8x16 0 0 256 0 0 0 0 0 0 0 0 0 0 0 0 0", "0", "0")));
        assertEquals("argument 1: i8x16 lane 2: `256` is out of range for i8 (-128 to 255); signature: blend(v128, i32, v128) -> v128",
                lane.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> FunctionArguments.parse("blend", BLEND, List.of("0", "0", "f32x4 1 2")));
        assertEquals("argument 3: `f32x4 1 2` is not a v128: f32x4 takes 4 lanes but 2 were given; signature: blend(v128, i32, v128) -> v128",
                count.getMessage());
    }

    @Test
    void unquotedV128LanesGetAHintToQuoteThem() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> FunctionArguments.parse("blend", BLEND, List.of("i32x4", "1", "2", "3", "4", "0", "0")));
        assertEquals("`blend` takes 3 arguments but 7 were given (a v128 is one argument: quote it, e.g. \"i32x4 1 2 3 4\");"
                + " signature: blend(v128, i32, v128) -> v128", error.getMessage());
        var scalar = assertThrows(IllegalArgumentException.class,
                () -> FunctionArguments.parse("add", FuncType.of(List.of(ValType.I32), List.of()), List.of("1", "2")));
        assertEquals("`add` takes 1 argument but 2 were given; signature: add(i32)", scalar.getMessage());
    }
}
