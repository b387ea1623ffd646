package io.wasmrun.runtime.compile;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions that decide whether stored compiled classes still fit this build: Chicory's (its
 * code generator and the runtime classes the generated code calls) and wasmrun's own bytecode
 * rewriting. Bump {@link #REWRITER} whenever {@link ClassRewriter} or one of its passes
 * ({@link EngineCallRedirect}, {@link CompareFuser}, {@link LoopHeaderSpiller}, {@link HelperCallRewrite}) or {@link DispatchSplit} changes the code they emit, or the stored jar's contents change (its properties included), so every cache entry and
 * precompiled artifact made before is rejected; also when {@link io.wasmrun.runtime.simd.SimdLowering}
 * changes what it emits, since the cache keeps lowered modules under the original's key ({@link
 * CacheKey#lowering()}).
 */
public final class CodegenVersion {
    /** The version of wasmrun's rewriting of Chicory's classes. */
    public static final int REWRITER = 14;

    private static final String CHICORY = readChicoryVersion();

    private CodegenVersion() {}

    /** Chicory's version, as recorded in the compiler jar's Maven metadata. */
    public static String chicory() {
        return CHICORY;
    }

    /** Both versions in one line, for messages. */
    public static String describe() {
        return "Chicory " + CHICORY + ", wasmrun codegen " + REWRITER;
    }

    private static String readChicoryVersion() {
        String resource = "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties";
        try (InputStream in = MachineFactoryCompiler.class.getResourceAsStream(resource)) {
            if (in != null) {
                var properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.trim();
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String version = MachineFactoryCompiler.class.getPackage().getImplementationVersion();
        if (version == null) {
            throw new IllegalStateException("cannot tell Chicory's version: no Maven metadata in its jar");
        }
        return version;
    }
}
