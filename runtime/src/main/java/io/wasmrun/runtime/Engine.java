package io.wasmrun.runtime;

import java.util.Locale;

/** How function bodies execute. */
public enum Engine {
    /** Chicory's compiler: each module is translated to JVM bytecode once, then JIT-compiled. */
    COMPILER,
    /** Chicory's interpreter: no translation step, slower loops. */
    INTERPRETER;

    /** The lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
