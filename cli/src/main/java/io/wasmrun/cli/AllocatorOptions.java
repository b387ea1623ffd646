package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.LimitExceededException;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The instance allocator and its sizes, the options of {@link AllocatorSettings}. Every command
 * that instantiates modules mixes these in and calls {@link #create()}.
 */
public final class AllocatorOptions implements OptionGroup {

    /** The allocator implementations. */
    public enum Kind {
        ON_DEMAND("on-demand"),
        POOLING("pooling");

        final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }
    }

    /** Every allocator option, as the help lists them. */
    static final List<OptionDescriptor<?>> OPTIONS = options();

    private final OptionValues values = new OptionValues();

    @Override
    public void addTo(CommandSpec command) {
        values.addTo(command, OPTIONS);
    }

    /** Whether the pooling allocator was chosen. */
    public boolean isPooling() {
        return values.isSet(AllocatorSettings.POOLING)
                || values.get(AllocatorSettings.ALLOCATOR) == Kind.POOLING;
    }

    /** Creates the configured allocator; the caller closes it. */
    public InstanceAllocator create() {
        return choose(OnDemandInstanceAllocator::new, PoolingInstanceAllocator::new);
    }

    /** Chooses the configured allocator on {@code engine}, which owns and closes it. */
    public Engine.Builder configure(Engine.Builder engine) {
        return choose(engine::onDemand, engine::pooling);
    }

    /** Applies {@code onDemand} or {@code pooling} to the configuration these options describe. */
    private <T> T choose(Function<OnDemandConfig, T> onDemand, Function<PoolingConfig, T> pooling) {
        if (values.isSet(AllocatorSettings.POOLING)
                && values.get(AllocatorSettings.ALLOCATOR) == Kind.ON_DEMAND) {
            throw new WasmrunException("--pooling clashes with --allocator=on-demand");
        }
        if (!isPooling()) {
            return onDemand.apply(onDemandConfig());
        }
        PoolingConfig config = poolingConfig();
        try {
            return pooling.apply(config);
        } catch (LimitExceededException | UnsupportedOperationException e) {
            throw new WasmrunException("pooling allocator: " + e.getMessage(), e);
        }
    }

    /** The pooling settings these options describe, checked for clashes. */
    public PoolingConfig poolingConfig() {
        refuse(given(AllocatorSetting::pooling), "applies", "apply", " only to the on-demand allocator");
        Long max = values.get(AllocatorSettings.MAX_MEMORY_SIZE);
        Long poolingMax = values.get(AllocatorSettings.POOLING_MAX_MEMORY_SIZE);
        if (max != null && poolingMax != null && !max.equals(poolingMax)) {
            throw new WasmrunException(
                    "--max-memory-size (" + max + ") and --pooling-max-memory-size (" + poolingMax
                            + ") disagree; give one");
        }
        PoolingConfig.Builder builder = PoolingConfig.builder();
        for (AllocatorSetting<?> setting : AllocatorSettings.SETTINGS) {
            setting.applyTo(values, builder);
        }
        PoolingConfig config = build(builder::build, "invalid pooling settings: ");
        if (values.given(AllocatorSettings.POOLING_MAX_MEMORY_PROTECTION_KEYS)
                && config.memoryProtectionKeys() == PoolingConfig.Enabled.NO) {
            throw new WasmrunException(
                    "--pooling-max-memory-protection-keys needs"
                            + " --pooling-memory-protection-keys=auto or yes");
        }
        return config;
    }

    /** The on-demand settings these options describe, refusing pooling-only options. */
    OnDemandConfig onDemandConfig() {
        refuse(
                given(AllocatorSetting::onDemand),
                "needs",
                "need",
                " the pooling allocator; add --pooling (or --allocator=pooling)");
        OnDemandConfig.Builder builder = OnDemandConfig.builder();
        for (AllocatorSetting<?> setting : AllocatorSettings.SETTINGS) {
            setting.applyTo(values, builder);
        }
        return build(builder::build, "invalid allocator settings: ");
    }

    /** The names of the given options whose {@code destination} is missing. */
    private List<String> given(Function<AllocatorSetting<?>, Object> destination) {
        return AllocatorSettings.SETTINGS.stream()
                .filter(s -> destination.apply(s) == null && values.given(s.option()))
                .map(s -> s.option().displayName())
                .toList();
    }

    /** Throws if {@code given} is not empty: "{@code given verb rest}", the verb agreeing. */
    private static void refuse(List<String> given, String verbOne, String verbMany, String rest) {
        if (!given.isEmpty()) {
            throw new WasmrunException(
                    String.join(", ", given) + " " + (given.size() == 1 ? verbOne : verbMany) + rest);
        }
    }

    private static <C> C build(Supplier<C> build, String prefix) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new WasmrunException(prefix + e.getMessage(), e);
        }
    }

    private static List<OptionDescriptor<?>> options() {
        var options = new ArrayList<OptionDescriptor<?>>();
        options.add(AllocatorSettings.ALLOCATOR);
        options.add(AllocatorSettings.POOLING);
        AllocatorSettings.SETTINGS.forEach(s -> options.add(s.option()));
        return List.copyOf(options);
    }
}
