package io.wasmrun.runtime.validate;

import java.io.ByteArrayOutputStream;

/** LEB128 encoders for rewritten module bytes. */
public final class Leb {
    private Leb() {}

    public static void unsigned(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    /**
     * A non-negative {@code value} as a signed LEB128 of {@code length} bytes (padded, as the
     * encoding allows), or of as many as it needs when that is more.
     */
    public static void signed(ByteArrayOutputStream out, long value, int length) {
        for (int i = 1; ; i++) {
            int b = (int) (value & 0x7f);
            value >>= 7;
            boolean last = value == 0 && (b & 0x40) == 0 && i >= length;
            out.write(last ? b : b | 0x80);
            if (last) {
                return;
            }
        }
    }
}
