package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import java.util.List;

/**
 * A REPL command, typed as {@code :name args...}. Each command describes itself for {@code
 * :help}, for the argument hints shown while typing, and completes its own arguments.
 */
interface Command {

    /** The name without the colon, e.g. {@code load}. */
    String name();

    /** Other names it answers to, e.g. {@code exit} for {@code quit}. */
    default List<String> aliases() {
        return List.of();
    }

    /** How to call it, e.g. {@code :load PATH [as NAME]}. */
    String usage();

    /** What it does, in one line. */
    String summary();

    /**
     * The argument names shown as a hint after the cursor, e.g. {@code PATH [as] [NAME]}; none
     * for a command without arguments.
     */
    default List<String> hintArguments() {
        return List.of();
    }

    /**
     * Whether the command takes the rest of the line as text ({@link Arguments#raw()}) instead
     * of words, e.g. for source code.
     */
    default boolean rawArguments() {
        return false;
    }

    /** Runs the command; user errors are thrown as one-line {@code WasmrunException}s. */
    void run(Session session, Arguments args);

    /** Adds completion candidates for the argument being typed. */
    default void complete(Session session, Completions completions) {}
}
