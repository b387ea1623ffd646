package io.wasmrun.cli;

import java.math.BigDecimal;
import io.wasmrun.runtime.CallDeadline;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations such as {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 100us}, {@code 1m} or
 * {@code 1h}; a plain number means seconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    static final String FORMS = "a duration such as 500ms, 2s, 1.5s, 100us or 1m";

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
            split++;
        }
        String number = t.substring(0, split);
        String unit = t.substring(split).strip();
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "", "s" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> throw invalid(text);
        };
        try {
            BigDecimal nanos = new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit));
            return Duration.ofNanos(nanos.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(text);
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1.5s}: the shortest natural spelling. */
    static String format(Duration d) {
        return CallDeadline.format(d);
    }

    private static TypeConversionException invalid(String text) {
        return new TypeConversionException("'" + text + "' is not a duration; expected " + FORMS);
    }
}
