package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;

/** Reads the non-negative numbers commands take (addresses, lengths): decimal or {@code 0x} hex. */
final class Numbers {
    private Numbers() {}

    /** Parses {@code text} as a number from 0 to {@code max}; {@code what} names it in errors. */
    static long parse(String text, String what, long max) {
        String t = text.replace("_", "");
        long value;
        try {
            value = t.startsWith("0x") || t.startsWith("0X")
                    ? Long.parseUnsignedLong(t.substring(2), 16)
                    : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new WasmrunException(what + " `" + text + "` is not a number (expected decimal or 0x hex)");
        }
        if (value < 0 || value > max) {
            throw new WasmrunException(what + " `" + text + "` is out of range (0 to " + max + ")");
        }
        return value;
    }
}
