package io.wasmrun.cli;

import io.wasmrun.runtime.Engine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine compiler|interpreter}. */
public final class EngineOptions {
    @Option(
            names = "--engine",
            paramLabel = "ENGINE",
            converter = EngineConverter.class,
            completionCandidates = EngineCandidates.class,
            description = "How to execute: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "compiler")
    Engine engine = Engine.COMPILER;

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
