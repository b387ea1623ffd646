package io.wasmrun.allocator.sys;

import java.util.Locale;

/**
 * Byte counts for people: {@code 65536} reads {@code 64 KiB}; a count that is not a whole number
 * of its unit keeps the exact figure, {@code 65535} reads {@code 65535 bytes (64.0 KiB)}.
 */
public final class Sizes {
    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {}

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        double value = bytes / (double) (1L << (10 * unit));
        if (value == Math.rint(value)) {
            return (long) value + " " + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%d bytes (%.1f %s)", bytes, value, UNITS[unit]);
    }
}
