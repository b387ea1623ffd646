package io.wasmrun.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli options declared in code. The option groups every command shares ({@link
 * OptionGroup}), {@code run} and the top-level command are declared this way rather than with
 * annotations: reading annotations costs a fresh JVM about 60 ms (the JDK parses them and
 * generates a proxy class per annotation type, which its AOT cache cannot keep), most of a
 * hello world's start-up. Options are declared once each as an {@link OptionDescriptor} and keep
 * their values in an {@link OptionValues}; positional parameters are bound to fields through a
 * getter and a setter, a field's Java initializer being its initial value (each command line gets
 * fresh objects, so picocli need not reset them).
 */
final class OptionSpecs {
    /**
     * Converts a path with {@link Path#of}. picocli's own {@code Path} converter calls {@code
     * Paths.get} through reflection, whose first call generates method-handle classes: several
     * milliseconds of every start.
     */
    static final ITypeConverter<Path> PATH = Path::of;

    private OptionSpecs() {}

    /**
     * A command named {@code name} that runs {@code command} (a {@code Callable}), with wasmrun's
     * version and {@code -h/--help} and {@code -V/--version}.
     */
    static CommandSpec command(String name, Object command) {
        return withStandardHelpOptions(
                CommandSpec.wrapWithoutInspection(command, new CommandFactory())
                        .name(name)
                        .versionProvider(new VersionProvider()));
    }

    /**
     * Adds {@code -h/--help} and {@code -V/--version}, as picocli's {@code
     * mixinStandardHelpOptions} does (that mixin is itself read from annotations).
     */
    private static CommandSpec withStandardHelpOptions(CommandSpec spec) {
        spec.addOption(
                OptionSpec.builder("-h", "--help")
                        .usageHelp(true)
                        .description("Show this help message and exit.")
                        .build());
        spec.addOption(
                OptionSpec.builder("-V", "--version")
                        .versionHelp(true)
                        .description("Print version information and exit.")
                        .build());
        return spec;
    }

    /** {@code builder} reading and writing its value through {@code getter} and {@code setter}. */
    static <T> OptionSpec.Builder bound(
            OptionSpec.Builder builder, Supplier<T> getter, Consumer<T> setter) {
        var binding = new Binding<>(getter, setter);
        return builder.getter(binding).setter(binding).hasInitialValue(false);
    }

    /** {@code builder} reading and writing its value through {@code getter} and {@code setter}. */
    static <T> PositionalParamSpec.Builder bound(
            PositionalParamSpec.Builder builder, Supplier<T> getter, Consumer<T> setter) {
        var binding = new Binding<>(getter, setter);
        return builder.getter(binding).setter(binding).hasInitialValue(false);
    }

    /** picocli's view of one field. */
    static final class Binding<T> implements IGetter, ISetter {
        private final Supplier<T> getter;
        private final Consumer<T> setter;

        Binding(Supplier<T> getter, Consumer<T> setter) {
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R get() {
            return (R) getter.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R set(R value) {
            R old = get();
            setter.accept((T) value);
            return old;
        }
    }
}
