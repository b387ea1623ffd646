package io.wasmrun.cli;

import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.config.PoolingConfig;
import java.util.function.BiConsumer;

/**
 * An allocator option and where its value goes in each allocator's configuration; an allocator
 * without a destination refuses the option.
 *
 * @param option the option
 * @param pooling sets the value on a pooling configuration, {@code null} if pooling has no such
 *     setting
 * @param onDemand sets the value on an on-demand configuration, {@code null} if on-demand has no
 *     such setting
 * @param <T> the option's value type
 */
record AllocatorSetting<T>(
        OptionDescriptor<T> option,
        BiConsumer<PoolingConfig.Builder, T> pooling,
        BiConsumer<OnDemandConfig.Builder, T> onDemand) {

    /** A setting of the pooling allocator only. */
    static <T> AllocatorSetting<T> poolingOnly(
            OptionDescriptor<T> option, BiConsumer<PoolingConfig.Builder, T> pooling) {
        return new AllocatorSetting<>(option, pooling, null);
    }

    /** A setting of the on-demand allocator only. */
    static <T> AllocatorSetting<T> onDemandOnly(
            OptionDescriptor<T> option, BiConsumer<OnDemandConfig.Builder, T> onDemand) {
        return new AllocatorSetting<>(option, null, onDemand);
    }

    /** Sets the option's value, if given, on {@code builder}. */
    void applyTo(OptionValues values, PoolingConfig.Builder builder) {
        if (values.given(option)) {
            pooling.accept(builder, values.get(option));
        }
    }

    /** Sets the option's value, if given, on {@code builder}. */
    void applyTo(OptionValues values, OnDemandConfig.Builder builder) {
        if (values.given(option)) {
            onDemand.accept(builder, values.get(option));
        }
    }
}
