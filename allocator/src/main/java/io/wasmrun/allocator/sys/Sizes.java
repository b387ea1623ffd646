package io.wasmrun.allocator.sys;

/** Byte counts for people: {@code 65536} reads {@code 64 KiB}, {@code 3221225472} reads {@code 3 GiB}. */
public final class Sizes {
    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {}

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        double value = bytes / (double) (1L << (10 * unit));
        String number =
                value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
        return number + " " + UNITS[unit];
    }
}
