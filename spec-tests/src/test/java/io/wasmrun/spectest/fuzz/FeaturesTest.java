package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    @Test
    void theDefaultIsWhatWasmrunRunsWithoutReferenceTypes() {
        assertEquals("bulk-memory,multivalue,sign-ext,nontrapping-float-to-int,mutable-globals,simd", Features.defaults().toString());
        assertEquals(List.of("--mvp-features", "--enable-bulk-memory", "--enable-multivalue", "--enable-sign-ext",
                "--enable-nontrapping-float-to-int", "--enable-mutable-globals", "--enable-simd"), Features.defaults().flags());
    }

    @Test
    void simdCanBeTurnedOff() {
        assertEquals("bulk-memory,multivalue,sign-ext,nontrapping-float-to-int,mutable-globals", Features.parse("-simd").toString());
    }

    @Test
    void aListReplacesTheDefaultAndSignsChangeIt() {
        assertEquals("sign-ext", Features.parse("sign-ext").toString());
        assertEquals("mvp", Features.parse("mvp").toString());
        assertEquals("bulk-memory,sign-ext,nontrapping-float-to-int,mutable-globals,simd,tail-call", Features.parse("+tail-call,-multivalue").toString());
        assertEquals("bulk-memory,multivalue,sign-ext,nontrapping-float-to-int,mutable-globals,simd,reference-types", Features.parse("default,reference-types").toString());
        assertThrows(IllegalArgumentException.class, () -> Features.parse("+warp-drive"));
    }
}
