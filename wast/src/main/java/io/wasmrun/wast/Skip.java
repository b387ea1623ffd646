package io.wasmrun.wast;

/**
 * A command that was not run.
 *
 * @param line the command's line in the {@code .wast} file
 * @param command the command, e.g. {@code assert_malformed}
 * @param reason why, e.g. {@code text module: needs the native text parser}
 */
public record Skip(int line, String command, String reason) {}
