package io.wasmrun.runtime.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.runtime.compile.CodegenVersion;
import io.wasmrun.text.Wat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The compile cache keeps a module's SIMD lowering under the original's key and the codegen
 * version ({@code CacheKey.lowering()}), so a lowering that emits other code must come with a new
 * {@link CodegenVersion#REWRITER}, or a later run would hand out the stale lowering. This test
 * records what the lowering emits for every SIMD instruction and the SIMD corpus programs, with
 * the version it was recorded at.
 */
class LoweringVersionTest {
    private static final int RECORDED_VERSION = 14;
    private static final String RECORDED_DIGEST = "abcae560101ae93216b84c7d92673651f5c70a0a1b689e3d4a3a44180f59c12b";

    @Test
    void aChangedLoweringComesWithANewCodegenVersion() throws Exception {
        var sha = MessageDigest.getInstance("SHA-256");
        for (var group : SimdOpsTest.groups().entrySet()) {
            sha.update(lowered(Wat.toBinary(SimdOpsTest.moduleText(group.getValue()), group.getKey() + ".wat")));
        }
        Path corpus = corpus();
        for (String name : new String[] {"matrix-simd.wasm", "pixels-simd.wasm", "bytes-simd.wasm"}) {
            sha.update(lowered(Files.readAllBytes(corpus.resolve(name))));
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        assertEquals(
                RECORDED_VERSION,
                CodegenVersion.REWRITER,
                "CodegenVersion.REWRITER changed: record it here with the lowering's digest " + digest);
        assertEquals(
                RECORDED_DIGEST,
                digest,
                "the SIMD lowering emits other code than when it was recorded at codegen version "
                        + RECORDED_VERSION
                        + ": bump CodegenVersion.REWRITER and record the new version and digest here");
    }

    private static byte[] lowered(byte[] binary) {
        byte[] lowered = SimdLowering.lower(binary, Parser.parse(binary));
        assertTrue(lowered != null && lowered.length > 8);
        return lowered;
    }

    private static Path corpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("bench/corpus"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "bench/corpus is part of the repository");
        return dir.resolve("bench/corpus");
    }
}
