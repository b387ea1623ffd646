package io.wasmrun.cli.repl;

/**
 * One word of a command line.
 *
 * @param text the word with quotes removed and escapes resolved
 * @param quoted whether the word was written in quotes, which makes it text rather than a number
 *     or hex bytes
 */
record Token(String text, boolean quoted) {}
