package io.wasmrun.wast;

import io.wasmrun.Engine;
import io.wasmrun.text.wast.WastScript;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs wast scripts on one {@link Engine} (so with its strategy and instance allocator). Every
 * script gets fresh state, its own store and a fresh {@code spectest} instance; a script that
 * cannot run becomes a result with one script failure, so callers never stop early.
 *
 * <pre>{@code
 * try (var engine = Engine.create();
 *      var runner = new ScriptRunner(engine, new NativeParser())) {
 *     ScriptResult result = runner.run(Path.of("i32.wast"));
 * }
 * }</pre>
 */
public final class ScriptRunner implements AutoCloseable {
    private final Engine engine;
    private final ScriptConverter converter;
    private final SpectestHost spectest;
    private final boolean throughCache;

    /** A runner on {@code engine}, which the caller closes after the runner. */
    public ScriptRunner(Engine engine, ScriptConverter converter) {
        this(engine, converter, false);
    }

    /**
     * A runner on {@code engine}; with {@code throughCache}, each module is compiled once into the
     * engine's compile cache and loaded again from it before it is used, so that a compiler engine
     * runs it as a later run would (declarations decoded only, classes defined on first use).
     */
    public ScriptRunner(Engine engine, ScriptConverter converter, boolean throughCache) {
        this.engine = engine;
        this.converter = converter;
        this.spectest = new SpectestHost(engine);
        this.throughCache = throughCache;
    }

    /** Converts {@code wast} and runs it. */
    public ScriptResult run(Path wast) {
        long start = System.nanoTime();
        WastScript script;
        try {
            script = converter.convert(wast);
        } catch (ScriptException e) {
            return ScriptResult.ofError(wast, e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
        return run(wast, script, start);
    }

    /** Runs {@code script}, already converted from {@code wast}. */
    public ScriptResult run(Path wast, WastScript script) {
        return run(wast, script, System.nanoTime());
    }

    private ScriptResult run(Path wast, WastScript script, long start) {
        var session = new ScriptSession(engine, spectest, script, throughCache);
        try {
            session.run();
        } finally {
            session.close();
        }
        return new ScriptResult(
                wast,
                session.passed(),
                session.failures(),
                session.skips(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void close() {
        spectest.close();
    }
}
