package io.wasmrun.cli;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The values one command line gave its options, keyed by {@link OptionDescriptor}: an option
 * without a value was not given. Each option group has its own.
 */
final class OptionValues {
    private final Map<OptionDescriptor<?>, Object> values = new IdentityHashMap<>();

    /** Adds {@code options} to {@code command}, their values kept here. */
    void addTo(CommandSpec command, List<? extends OptionDescriptor<?>> options) {
        for (OptionDescriptor<?> option : options) {
            command.addOption(option.spec(this));
        }
    }

    /** Whether the command line gave {@code option}. */
    boolean given(OptionDescriptor<?> option) {
        return values.containsKey(option);
    }

    /** The value of {@code option}, {@code null} if it was not given. */
    @SuppressWarnings("unchecked")
    <T> T get(OptionDescriptor<T> option) {
        return (T) values.get(option);
    }

    /** The value of {@code option}, or its default when it was not given. */
    <T> T getOrDefault(OptionDescriptor<T> option) {
        if (given(option)) {
            return get(option);
        }
        try {
            return option.parse(option.defaultText());
        } catch (Exception e) {
            throw new IllegalStateException("the default of " + option.name() + " does not parse", e);
        }
    }

    /** The values of the repeated {@code option}, empty if it was not given. */
    <T> List<T> list(OptionDescriptor<List<T>> option) {
        List<T> list = get(option);
        return list == null ? List.of() : list;
    }

    /** Whether the flag {@code option} was given. */
    boolean isSet(OptionDescriptor<Boolean> option) {
        return Boolean.TRUE.equals(get(option));
    }

    void set(OptionDescriptor<?> option, Object value) {
        values.put(option, value);
    }
}
