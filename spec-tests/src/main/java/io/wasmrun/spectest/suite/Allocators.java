package io.wasmrun.spectest.suite;

import io.wasmrun.Engine;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The instance allocators the suite runs under, by name, each as the choice it makes on an
 * {@link Engine.Builder}. An allocator that this build does not have yet is listed with no
 * choice, and its configurations are reported as not available.
 */
final class Allocators {
    /**
     * The pooling allocator's defaults, except that a module may define as many memories and
     * tables as the spec scripts do (the defaults allow one of each, like wasmtime's).
     */
    static final PoolingConfig SPEC_POOLING = PoolingConfig.builder().maxMemoriesPerModule(10).maxTablesPerModule(10).build();

    private static final Map<String, UnaryOperator<Engine.Builder>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("on-demand", engine -> engine.onDemand(OnDemandConfig.defaults()));
        FACTORIES.put("pooling", engine -> engine.pooling(SPEC_POOLING));
    }

    private Allocators() {}

    /** Every allocator name, available or not, in matrix order. */
    static List<String> names() {
        return List.copyOf(FACTORIES.keySet());
    }

    /** Whether {@code name} is an allocator this suite knows. */
    static boolean isKnown(String name) {
        return FACTORIES.containsKey(name);
    }

    /** How {@code name} configures an engine, or empty when this build does not have that allocator. */
    static Optional<UnaryOperator<Engine.Builder>> factory(String name) {
        return Optional.ofNullable(FACTORIES.get(name));
    }
}
