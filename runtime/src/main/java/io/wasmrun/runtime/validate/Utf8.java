package io.wasmrun.runtime.validate;

/**
 * Whether bytes are well-formed UTF-8 (RFC 3629, as the spec's names require): no overlong
 * forms, no surrogates, nothing above U+10FFFF, no truncated sequence. Hand-written because names
 * are short and mostly ASCII, so a loop costs less than a {@code CharsetDecoder} per name.
 */
final class Utf8 {
    private Utf8() {}

    /** Whether {@code bytes[from, to)} is well-formed UTF-8. */
    static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int low = 0x80;
            int high = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                if (b == 0xe0) {
                    low = 0xa0;
                } else if (b == 0xed) {
                    high = 0x9f;
                }
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                if (b == 0xf0) {
                    low = 0x90;
                } else if (b == 0xf4) {
                    high = 0x8f;
                }
            } else {
                return false;
            }
            if (to - i < length) {
                return false;
            }
            int second = bytes[i + 1] & 0xff;
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }
}
