package io.wasmrun.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads byte sizes: plain numbers, {@code 0x} hex, and {@code KiB}/{@code MiB}/{@code GiB}/{@code
 * TiB} suffixes ({@code K}, {@code M}, {@code G}, {@code T} and {@code KB}-style spellings mean
 * the same binary units), e.g. {@code 65536}, {@code 0x10000}, {@code 64KiB}, {@code 4GiB}.
 */
public final class ByteSizeConverter implements ITypeConverter<Long> {
    static final String FORMS = "a byte count such as 65536, 0x10000, 64KiB, 32MiB or 4GiB";

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** Parses {@code text}, or throws a {@link TypeConversionException} listing the forms. */
    public static long parse(String text) {
        String t = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        int split = 0;
        if (t.startsWith("0x")) {
            split = t.length();
        } else {
            while (split < t.length() && Character.isDigit(t.charAt(split))) {
                split++;
            }
        }
        String number = t.substring(0, split);
        String unit = t.substring(split).strip();
        long multiplier = switch (unit) {
            case "", "b" -> 1L;
            case "k", "kb", "kib" -> 1L << 10;
            case "m", "mb", "mib" -> 1L << 20;
            case "g", "gb", "gib" -> 1L << 30;
            case "t", "tb", "tib" -> 1L << 40;
            default -> throw invalid(text);
        };
        try {
            long base = number.startsWith("0x")
                    ? Long.parseUnsignedLong(number.substring(2), 16)
                    : Long.parseLong(number);
            if (base < 0) {
                throw invalid(text);
            }
            return Math.multiplyExact(base, multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(text);
        }
    }

    private static TypeConversionException invalid(String text) {
        return new TypeConversionException("'" + text + "' is not a size; expected " + FORMS);
    }
}
