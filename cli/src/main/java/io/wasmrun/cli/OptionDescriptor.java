package io.wasmrun.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command-line option, declared once: its names, parameter label, value type and converter,
 * help text and the default the help shows. {@link #spec} makes picocli's model of it, bound to an
 * {@link OptionValues}; the option group that declares it reads the parsed value from there.
 *
 * @param names the option's names, the canonical one first
 * @param label the parameter label in the help, {@code null} for a flag
 * @param type the value's type; a repeated option stores a {@code List} of {@code elementType}
 * @param elementType the element type of a repeated option, otherwise {@code null}
 * @param converter parses one value, {@code null} for a flag or a list of strings
 * @param help what the option does, one sentence without the final full stop
 * @param defaultText the default as the help shows it, {@code null} for none
 * @param candidates the values the help and shell completion list, {@code null} for none
 * @param <T> the type of the parsed value
 */
record OptionDescriptor<T>(
        List<String> names,
        String label,
        Class<?> type,
        Class<?> elementType,
        ITypeConverter<?> converter,
        String help,
        String defaultText,
        Iterable<String> candidates) {

    /** A flag: present means {@code true}. */
    static OptionDescriptor<Boolean> flag(String name, String help) {
        return new OptionDescriptor<>(List.of(name), null, boolean.class, null, null, help, null, null);
    }

    /** An option taking one value, parsed by {@code converter}. */
    static <T> OptionDescriptor<T> value(
            String name,
            String label,
            Class<T> type,
            ITypeConverter<T> converter,
            String help,
            String defaultText) {
        return new OptionDescriptor<>(List.of(name), label, type, null, converter, help, defaultText, null);
    }

    /** An option that may be given several times, each value kept as given. */
    static OptionDescriptor<List<String>> repeated(String name, String label, String help) {
        return new OptionDescriptor<>(List.of(name), label, List.class, String.class, null, help, null, null);
    }

    /** This option, also called {@code alias}. */
    OptionDescriptor<T> alias(String alias) {
        List<String> all = new ArrayList<>(names);
        all.add(alias);
        return new OptionDescriptor<>(
                List.copyOf(all), label, type, elementType, converter, help, defaultText, candidates);
    }

    /** This option, listing {@code values} in the help and for shell completion. */
    OptionDescriptor<T> candidates(Iterable<String> values) {
        return new OptionDescriptor<>(names, label, type, elementType, converter, help, defaultText, values);
    }

    /** The canonical name. */
    String name() {
        return names.get(0);
    }

    /** The names as error messages show them: {@code --a/--b}. */
    String displayName() {
        return String.join("/", names);
    }

    /** The help text with its default. */
    String description() {
        return help + (defaultText == null ? "" : " (default: " + defaultText + ")") + ".";
    }

    /** Parses {@code text} as this option's value. */
    @SuppressWarnings("unchecked")
    T parse(String text) throws Exception {
        return (T) converter.convert(text);
    }

    /** picocli's model of this option, reading and writing its value in {@code values}. */
    OptionSpec spec(OptionValues values) {
        OptionSpec.Builder builder =
                OptionSpec.builder(names.toArray(String[]::new)).type(type).description(description());
        if (label == null) {
            builder.arity("0");
        } else {
            builder.paramLabel(label);
        }
        if (elementType != null) {
            builder.auxiliaryTypes(elementType);
        }
        if (converter != null) {
            builder.converters(converter);
        }
        if (candidates != null) {
            builder.completionCandidates(candidates);
        }
        return OptionSpecs.bound(builder, () -> values.get(this), v -> values.set(this, v)).build();
    }
}
