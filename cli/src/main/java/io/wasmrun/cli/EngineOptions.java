package io.wasmrun.cli;

import io.wasmrun.Strategy;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine compiler|interpreter}. */
public final class EngineOptions implements OptionGroup {
    static final OptionDescriptor<Strategy> ENGINE =
            OptionDescriptor.value(
                            "--engine",
                            "ENGINE",
                            Strategy.class,
                            EngineOptions::strategy,
                            "How to execute: ${COMPLETION-CANDIDATES}",
                            Strategy.COMPILER.cliName())
                    .candidates(Arrays.stream(Strategy.values()).map(Strategy::cliName).toList());

    static final List<OptionDescriptor<?>> OPTIONS = List.of(ENGINE);

    private final OptionValues values = new OptionValues();

    @Override
    public void addTo(CommandSpec command) {
        values.addTo(command, OPTIONS);
    }

    /** The chosen engine. */
    Strategy strategy() {
        return values.getOrDefault(ENGINE);
    }

    /** Accepts the lower-case engine names. */
    private static Strategy strategy(String value) {
        for (Strategy e : Strategy.values()) {
            if (e.cliName().equals(value)) {
                return e;
            }
        }
        throw new TypeConversionException(
                "unknown engine '" + value + "' (expected compiler or interpreter)");
    }
}
