package io.wasmrun.cli.repl;

/** An export of a loaded module, as named on the command line ({@code fib} or {@code math.add}). */
record ExportRef(ReplModule module, String name) {}
