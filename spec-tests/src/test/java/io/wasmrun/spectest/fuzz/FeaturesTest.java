package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    @Test
    void theDefaultIsWhatWasmrunRunsWithoutReferenceTypesOrSimd() {
        assertEquals("bulk-memory,multivalue,sign-ext,nontrapping-float-to-int,mutable-globals", Features.defaults().toString());
        assertEquals(List.of("--mvp-features", "--enable-bulk-memory", "--enable-multivalue", "--enable-sign-ext",
                "--enable-nontrapping-float-to-int", "--enable-mutable-globals"), Features.defaults().flags());
    }

    @Test
    void simdIsAnOptionOnTopOfTheDefault() {
        assertEquals("bulk-memory,multivalue,sign-ext,nontrapping-float-to-int,mutable-globals,simd", Features.parse("+simd").toString());
        assertEquals("--enable-simd", Features.parse("+simd").flags().getLast());
        assertEquals(false, Features.DEFAULT.contains("simd"), "until --features +simd campaigns are clean (Features' Javadoc)");
    }

    @Test
    void aListReplacesTheDefaultAndSignsChangeIt() {
        assertEquals("sign-ext", Features.parse("sign-ext").toString());
        assertEquals("mvp", Features.parse("mvp").toString());
        assertEquals("bulk-memory,sign-ext,nontrapping-float-to-int,mutable-globals,tail-call", Features.parse("+tail-call,-multivalue").toString());
        assertEquals("bulk-memory,multivalue,sign-ext,nontrapping-float-to-int,mutable-globals,reference-types", Features.parse("default,reference-types").toString());
        assertThrows(IllegalArgumentException.class, () -> Features.parse("+warp-drive"));
    }
}
