package io.wasmrun.cli.repl;

import io.wasmrun.Engine;
import io.wasmrun.Store;

/**
 * One configuration the REPL offers (an engine on one allocator) and the store that the
 * instances of its modules live in, so that modules linked to each other share the store's
 * protection key and its interrupt.
 */
final class EngineStore implements AutoCloseable {
    private final Engine engine;
    private final Store store;
    private final String allocatorName;

    /**
     * @param engine the engine, closed with this
     * @param allocatorName the name of the engine's allocator, for listings
     */
    EngineStore(Engine engine, String allocatorName) {
        this.engine = engine;
        this.store = Store.create(engine);
        this.allocatorName = allocatorName;
    }

    Engine engine() {
        return engine;
    }

    Store store() {
        return store;
    }

    String allocatorName() {
        return allocatorName;
    }

    /** For listings: {@code compiler}, {@code interpreter}. */
    String engineName() {
        return engine.strategy().cliName();
    }

    @Override
    public void close() {
        try {
            store.close();
        } finally {
            engine.close();
        }
    }
}
