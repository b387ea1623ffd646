package io.wasmrun.cli;

import io.wasmrun.Strategy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine compiler|interpreter}. */
public final class EngineOptions implements OptionGroup {
    Strategy engine = Strategy.COMPILER;

    @Override
    public void addTo(CommandSpec command) {
        command.addOption(
                OptionSpecs.value("--engine", "ENGINE", Strategy.class, () -> engine, v -> engine = v)
                        .converters(new EngineConverter())
                        .completionCandidates(new EngineCandidates())
                        .defaultValue(Strategy.COMPILER.cliName())
                        .description(
                                "How to execute: ${COMPLETION-CANDIDATES}"
                                        + " (default: ${DEFAULT-VALUE}).")
                        .build());
    }

    /** Accepts the lower-case engine names. */
    static final class EngineConverter implements ITypeConverter<Strategy> {
        @Override
        public Strategy convert(String value) {
            for (Strategy e : Strategy.values()) {
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
            return java.util.Arrays.stream(Strategy.values()).map(Strategy::cliName).iterator();
        }
    }
}
