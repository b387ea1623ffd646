package io.wasmrun.cli;

import io.wasmrun.runtime.Engine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine compiler|interpreter}. */
public final class EngineOptions implements OptionGroup {
    Engine engine = Engine.COMPILER;

    @Override
    public void addTo(CommandSpec command) {
        command.addOption(
                OptionSpecs.value("--engine", "ENGINE", Engine.class, () -> engine, v -> engine = v)
                        .converters(new EngineConverter())
                        .completionCandidates(new EngineCandidates())
                        .defaultValue(Engine.COMPILER.cliName())
                        .description(
                                "How to execute: ${COMPLETION-CANDIDATES}"
                                        + " (default: ${DEFAULT-VALUE}).")
                        .build());
    }

    /** Accepts the lower-case engine names. */
    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine e : Engine.values()) {
                if (e.cliName().equals(value)) {
                    return e;
                }
            }
            throw new TypeConversionException(
                    "unknown engine '" + value + "' (expected compiler or interpreter)");
        }
    }

    /** The engine names for help and shell completion. */
    static final class EngineCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Engine.values()).map(Engine::cliName).iterator();
        }
    }
}
