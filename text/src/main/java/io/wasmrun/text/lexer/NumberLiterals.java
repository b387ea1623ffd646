package io.wasmrun.text.lexer;

/**
 * Recognizes and converts numeric literals: decimal and hexadecimal integers with optional sign
 * and underscores, decimal and hexadecimal floats, {@code inf}, {@code nan} and {@code
 * nan:0x...}. Conversions throw {@link NumberFormatException}; parsers turn that into a located
 * error.
 */
public final class NumberLiterals {
    private NumberLiterals() {}

    /** Returns NAT, INT or FLOAT for a numeric literal, or null when {@code s} is not one. */
    public static TokenKind classify(String s) {
        int i = 0;
        boolean signed = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            signed = true;
            i = 1;
        }
        if (i == s.length()) {
            return null;
        }
        String rest = s.substring(i);
        if (rest.equals("inf") || rest.equals("nan")) {
            return TokenKind.FLOAT;
        }
        if (rest.startsWith("nan:0x")) {
            return digitsEnd(rest, 6, true) == rest.length() ? TokenKind.FLOAT : null;
        }
        boolean hex = rest.startsWith("0x");
        int p = hex ? 2 : 0;
        int end = digitsEnd(rest, p, hex);
        if (end < 0) {
            return null;
        }
        boolean isFloat = false;
        if (end < rest.length() && rest.charAt(end) == '.') {
            isFloat = true;
            end++;
            if (end < rest.length() && isDigit(rest.charAt(end), hex)) {
                end = digitsEnd(rest, end, hex);
                if (end < 0) {
                    return null;
                }
            }
        }
        if (end < rest.length()) {
            char e = rest.charAt(end);
            if (hex ? (e == 'p' || e == 'P') : (e == 'e' || e == 'E')) {
                isFloat = true;
                end++;
                if (end < rest.length() && (rest.charAt(end) == '+' || rest.charAt(end) == '-')) {
                    end++;
                }
                end = digitsEnd(rest, end, false);
                if (end < 0) {
                    return null;
                }
            }
        }
        if (end != rest.length()) {
            return null;
        }
        return isFloat ? TokenKind.FLOAT : signed ? TokenKind.INT : TokenKind.NAT;
    }

    private static boolean isDigit(char c, boolean hex) {
        return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    /** End of a digit run with single underscores between digits starting at p, or -1. */
    private static int digitsEnd(String s, int p, boolean hex) {
        if (p >= s.length() || !isDigit(s.charAt(p), hex)) {
            return -1;
        }
        p++;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == '_') {
                if (p + 1 >= s.length() || !isDigit(s.charAt(p + 1), hex)) {
                    return -1;
                }
                p += 2;
            } else if (isDigit(c, hex)) {
                p++;
            } else {
                break;
            }
        }
        return p;
    }

    /** Parses plain hex digits (used by unicode escapes); -1 when invalid or too large. */
    public static long parseHexDigits(String hex) {
        if (hex.isEmpty() || hex.length() > 8) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < hex.length(); i++) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0 || hex.charAt(i) > 'f') {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Parses the magnitude of an unsigned literal (no sign) into 64 bits, rejecting overflow. */
    static long parseMagnitude(String s) {
        boolean hex = s.startsWith("0x");
        long v = 0;
        for (int i = hex ? 2 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            int d = Character.digit(c, hex ? 16 : 10);
            if (d < 0) {
                throw new NumberFormatException("malformed number");
            }
            if (hex) {
                if ((v >>> 60) != 0) {
                    throw new NumberFormatException("constant out of range");
                }
                v = v << 4 | d;
            } else {
                long hi = Math.unsignedMultiplyHigh(v, 10);
                long lo = v * 10;
                long sum = lo + d;
                if (hi != 0 || Long.compareUnsigned(sum, lo) < 0) {
                    throw new NumberFormatException("constant out of range");
                }
                v = sum;
            }
        }
        return v;
    }

    /** An unsigned 32-bit index or count (NAT only). */
    public static long parseU32(String s) {
        if (s.startsWith("+") || s.startsWith("-")) {
            throw new NumberFormatException("expected an unsigned integer");
        }
        long v = parseMagnitude(s);
        if (Long.compareUnsigned(v, 0xFFFF_FFFFL) > 0) {
            throw new NumberFormatException("constant out of range");
        }
        return v;
    }

    /** An unsigned 64-bit value (NAT only), e.g. a memory64 offset. */
    public static long parseU64(String s) {
        if (s.startsWith("+") || s.startsWith("-")) {
            throw new NumberFormatException("expected an unsigned integer");
        }
        return parseMagnitude(s);
    }

    /** An integer of {@code bits} width written signed or unsigned; returns the bit pattern. */
    public static long parseInt(String s, int bits) {
        char c = s.charAt(0);
        boolean neg = c == '-';
        boolean signed = neg || c == '+';
        long mag = parseMagnitude(signed ? s.substring(1) : s);
        if (bits == 64) {
            if (neg) {
                if (Long.compareUnsigned(mag, Long.MIN_VALUE) > 0) {
                    throw new NumberFormatException("constant out of range");
                }
                return -mag;
            }
            return mag;
        }
        long limit = 1L << bits;
        if (neg) {
            if (Long.compareUnsigned(mag, limit >>> 1) > 0) {
                throw new NumberFormatException("constant out of range");
            }
            return -mag & (limit - 1);
        }
        if (Long.compareUnsigned(mag, limit - 1) > 0) {
            throw new NumberFormatException("constant out of range");
        }
        return mag;
    }

    /** The bit pattern of a 32-bit float literal (integers are accepted too). */
    public static int parseF32(String s) {
        boolean neg = s.charAt(0) == '-';
        String body = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
        int sign = neg ? 0x8000_0000 : 0;
        if (body.equals("inf")) {
            return sign | 0x7F80_0000;
        }
        if (body.equals("nan")) {
            return sign | 0x7FC0_0000;
        }
        if (body.startsWith("nan:0x")) {
            long payload = parseMagnitude(body.substring(4));
            if (payload == 0 || payload >= 1L << 23) {
                throw new NumberFormatException("constant out of range");
            }
            return sign | 0x7F80_0000 | (int) payload;
        }
        float f = Float.parseFloat(javaSyntax(s));
        if (Float.isInfinite(f)) {
            throw new NumberFormatException("constant out of range");
        }
        return Float.floatToRawIntBits(f);
    }

    /** The bit pattern of a 64-bit float literal (integers are accepted too). */
    public static long parseF64(String s) {
        boolean neg = s.charAt(0) == '-';
        String body = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
        long sign = neg ? Long.MIN_VALUE : 0;
        if (body.equals("inf")) {
            return sign | 0x7FF0_0000_0000_0000L;
        }
        if (body.equals("nan")) {
            return sign | 0x7FF8_0000_0000_0000L;
        }
        if (body.startsWith("nan:0x")) {
            long payload = parseMagnitude(body.substring(4));
            if (payload == 0 || payload >= 1L << 52) {
                throw new NumberFormatException("constant out of range");
            }
            return sign | 0x7FF0_0000_0000_0000L | payload;
        }
        double d = Double.parseDouble(javaSyntax(s));
        if (Double.isInfinite(d)) {
            throw new NumberFormatException("constant out of range");
        }
        return Double.doubleToRawLongBits(d);
    }

    /** Rewrites a validated literal into the syntax Java's float parsers accept. */
    private static String javaSyntax(String s) {
        String t = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
        int body = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
        if (t.startsWith("0x", body) && t.indexOf('p') < 0 && t.indexOf('P') < 0) {
            t = t + "p0";
        }
        return t;
    }
}
