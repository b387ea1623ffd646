package io.wasmrun.spectest.fuzz;

import io.wasmrun.Strategy;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One cell of {on-demand, pooling} x {compiler, interpreter}.
 *
 * @param allocator {@code on-demand} or {@code pooling}
 * @param engine the engine
 */
public record FuzzConfiguration(String allocator, Strategy engine) {
    /** Every configuration, in report order. */
    public static final List<FuzzConfiguration> ALL =
            List.of(
                    new FuzzConfiguration("on-demand", Strategy.COMPILER),
                    new FuzzConfiguration("on-demand", Strategy.INTERPRETER),
                    new FuzzConfiguration("pooling", Strategy.COMPILER),
                    new FuzzConfiguration("pooling", Strategy.INTERPRETER));

    /**
     * The pooling allocator's defaults with small pools: a fuzz worker has one instance alive at
     * a time per configuration, so a few slots of each kind are plenty and reserve little address
     * space.
     */
    static final PoolingConfig FUZZ_POOLING =
            PoolingConfig.builder().totalCoreInstances(4).totalMemories(4).totalTables(4).totalStacks(4).build();

    /** {@code on-demand/compiler}. */
    public String label() {
        return allocator + "/" + engine.cliName();
    }

    InstanceAllocator newAllocator() {
        return allocator.equals("pooling") ? new PoolingInstanceAllocator(FUZZ_POOLING) : new OnDemandInstanceAllocator();
    }

    /**
     * Reads a comma-separated list of configurations: labels, an allocator or an engine alone
     * ({@code pooling} is both pooling configurations), or {@code all}.
     */
    public static List<FuzzConfiguration> parseList(String text) {
        List<FuzzConfiguration> selected = new ArrayList<>();
        for (String word : text.split(",")) {
            String w = word.strip().toLowerCase(Locale.ROOT);
            if (w.isEmpty()) {
                continue;
            }
            boolean any = false;
            for (FuzzConfiguration c : ALL) {
                if (w.equals("all") || w.equals(c.label()) || w.equals(c.allocator()) || w.equals(c.engine().cliName())) {
                    any = true;
                    if (!selected.contains(c)) {
                        selected.add(c);
                    }
                }
            }
            if (!any) {
                throw new IllegalArgumentException("unknown configuration `" + word + "` (use on-demand, pooling, compiler, interpreter, ALLOCATOR/ENGINE or all)");
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("--configs selects no configuration");
        }
        selected.sort(java.util.Comparator.comparingInt(ALL::indexOf));
        return List.copyOf(selected);
    }

    @Override
    public String toString() {
        return label();
    }
}
