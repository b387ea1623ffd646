package io.wasmrun.cli.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * Formats bytes like {@code hexdump -C}: the address, sixteen bytes in two groups of eight, then
 * the printable ASCII characters.
 *
 * <pre>
 * 00000100  48 65 6c 6c 6f 00 00 00  00 00 00 00 00 00 00 00  |Hello...........|
 * </pre>
 */
final class Hexdump {
    private static final int WIDTH = 16;

    private Hexdump() {}

    static List<String> lines(long address, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += WIDTH) {
            int n = Math.min(WIDTH, bytes.length - offset);
            var hex = new StringBuilder();
            var text = new StringBuilder();
            for (int i = 0; i < WIDTH; i++) {
                if (i == WIDTH / 2) {
                    hex.append(' ');
                }
                if (i < n) {
                    int b = bytes[offset + i] & 0xFF;
                    hex.append(String.format("%02x ", b));
                    text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
                } else {
                    hex.append("   ");
                }
            }
            lines.add(String.format("%08x  %s |%s|", address + offset, hex, text));
        }
        return lines;
    }
}
