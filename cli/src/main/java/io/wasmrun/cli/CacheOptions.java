package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.FirstCompile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --cache-dir}, {@code --no-cache} and {@code --allow-precompiled}: where the compiler
 * keeps generated classes between runs, and whether artifacts of {@code wasmrun compile} run.
 */
public final class CacheOptions implements OptionGroup {
    static final OptionDescriptor<Path> CACHE_DIR =
            OptionDescriptor.value(
                    "--cache-dir",
                    "DIR",
                    Path.class,
                    OptionSpecs.PATH,
                    "Keep compiled modules in DIR",
                    "$XDG_CACHE_HOME/wasmrun or ~/.cache/wasmrun");

    static final OptionDescriptor<Boolean> NO_CACHE =
            OptionDescriptor.flag("--no-cache", "Neither read nor write the compile cache");

    static final OptionDescriptor<Boolean> ALLOW_PRECOMPILED =
            OptionDescriptor.flag(
                    "--allow-precompiled",
                    "Accept a module precompiled by `wasmrun compile`: its JVM classes are loaded"
                            + " from the file, so only use files you trust");

    static final List<OptionDescriptor<?>> OPTIONS = List.of(CACHE_DIR, NO_CACHE, ALLOW_PRECOMPILED);

    private final OptionValues values = new OptionValues();

    @Override
    public void addTo(CommandSpec command) {
        values.addTo(command, OPTIONS);
    }

    /**
     * {@code engine} with this cache and precompiled-artifact policy. With a cache, a large module
     * the cache lacks runs interpreted while a detached JVM compiles it into the cache, so that a
     * short first run does not wait for the compile and still leaves the cache warm.
     */
    Engine.Builder configure(Engine.Builder engine) {
        if (!values.isSet(NO_CACHE)) {
            engine.firstCompile(FirstCompile.DETACHED);
            Path dir = values.get(CACHE_DIR);
            if (dir != null) {
                engine.compileCache(dir);
            } else {
                engine.defaultCompileCache();
            }
        }
        return engine.allowPrecompiled(values.isSet(ALLOW_PRECOMPILED));
    }
}
