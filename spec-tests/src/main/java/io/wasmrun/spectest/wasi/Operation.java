package io.wasmrun.spectest.wasi;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a wasi-testsuite test, as {@code doc/specification.md} defines them. The legacy
 * form of a specification is read as {@code run}, then a {@code read} for each of {@code stdout}
 * and {@code stderr} it gives, then {@code wait}, as the reference runner does.
 */
sealed interface Operation {

    /** The operation's {@code type} in the JSON form. */
    String type();

    /**
     * Starts the test module.
     *
     * @param args the guest's arguments after argv[0]
     * @param env the guest's whole environment
     * @param root the host directory (resolved against the test's folder) preopened as {@code /}
     */
    record Run(List<String> args, Map<String, String> env, Optional<Path> root) implements Operation {
        public Run {
            args = List.copyOf(args);
            // In the specification's order: it is the order of the guest's environment.
            env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        }

        @Override
        public String type() {
            return "run";
        }
    }

    /** Waits for the module to exit and checks its exit code. */
    record Wait(int exitCode) implements Operation {
        @Override
        public String type() {
            return "wait";
        }
    }

    /**
     * Reads as many characters as {@code payload} has from the stream (fewer at its end) and
     * checks that they are {@code payload}. Reads of one stream continue where the last one ended;
     * output after the last read is not checked.
     *
     * @param stream {@code stdout} or {@code stderr}
     */
    record Read(String stream, String payload) implements Operation {
        @Override
        public String type() {
            return "read";
        }
    }

    /** Writes {@code payload} to the module's standard input ({@code stream} is {@code stdin}). */
    record Write(String stream, String payload) implements Operation {
        @Override
        public String type() {
            return "write";
        }
    }

    /**
     * An operation of the specification that this runner does not implement ({@code connect},
     * {@code send}, {@code recv}, {@code request}, {@code kill}): the test is skipped.
     */
    record Unsupported(String type) implements Operation {}
}
