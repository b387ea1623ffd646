package io.wasmrun;

import java.util.Locale;

/**
 * How an {@link Engine} runs function bodies, like wasmtime's {@code Config::strategy}.
 */
public enum Strategy {
    /** Chicory's compiler: each module is translated to JVM bytecode once, then JIT-compiled; functions too large for the JVM run interpreted. */
    COMPILER,
    /** Chicory's interpreter: no translation step, slower loops. */
    INTERPRETER;

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
