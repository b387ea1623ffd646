package io.wasmrun.text.wast;

import java.util.List;

/** A parsed {@code .wast} script: its commands in source order. */
public record WastScript(String fileName, List<WastCommand> commands) {}
