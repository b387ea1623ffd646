package io.wasmrun.cli;

import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.runtime.compile.CompileCache;
import io.wasmrun.runtime.compile.DiskCompileCache;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --cache-dir}, {@code --no-cache} and {@code --allow-precompiled}: where the compiler
 * keeps generated classes between runs, and whether artifacts of {@code wasmrun compile} run.
 */
public final class CacheOptions implements OptionGroup {
    Path cacheDir;
    boolean noCache;
    boolean allowPrecompiled;

    @Override
    public void addTo(CommandSpec command) {
        command.addOption(
                OptionSpecs.value(
                                "--cache-dir", "DIR", Path.class, () -> cacheDir, v -> cacheDir = v)
                        .converters(OptionSpecs.PATH)
                        .description(
                                "Keep compiled modules in DIR (default: $XDG_CACHE_HOME/wasmrun or"
                                        + " ~/.cache/wasmrun).")
                        .build());
        command.addOption(
                OptionSpecs.flag("--no-cache", () -> noCache, v -> noCache = v)
                        .description("Neither read nor write the compile cache.")
                        .build());
        command.addOption(
                OptionSpecs.flag(
                                "--allow-precompiled",
                                () -> allowPrecompiled,
                                v -> allowPrecompiled = v)
                        .description(
                                "Accept a module precompiled by `wasmrun compile`: its JVM classes"
                                        + " are loaded from the file, so only use files you trust.")
                        .build());
    }

    /** The cache these options select. */
    CompileCache compileCache() {
        if (noCache) {
            return CompileCache.NONE;
        }
        return new DiskCompileCache(cacheDir != null ? cacheDir : DiskCompileCache.defaultDirectory());
    }

    /** {@code builder} with this cache and precompiled-artifact policy. */
    WasmRuntime.Builder configure(WasmRuntime.Builder builder) {
        return builder.withCompileCache(compileCache()).allowPrecompiled(allowPrecompiled);
    }
}
