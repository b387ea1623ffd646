package io.wasmrun.cli;

/** Process exit codes, following wasmtime's CLI. */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;
    /** An error in the input or the environment (bad module, missing file, link error). */
    static final int ERROR = 1;
    /** The command line itself was wrong. */
    static final int USAGE = 2;
    /** The guest trapped (wasmtime uses 128 + SIGABRT). */
    static final int TRAP = 134;

    private ExitCodes() {}
}
