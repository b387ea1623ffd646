package io.wasmrun.wasi.guest;

/**
 * A guest's {@code iovec} (or {@code ciovec}) array, read and bounds-checked whole before any
 * byte moves: {@code count} pairs of {@code (buf: u32, buf_len: u32)} at {@code address}. A
 * call that faults on its third buffer has then not already written the first two.
 */
public final class Iovecs {
    private final GuestMemory memory;
    private final int[] addresses;
    private final int[] lengths;

    private Iovecs(GuestMemory memory, int[] addresses, int[] lengths) {
        this.memory = memory;
        this.addresses = addresses;
        this.lengths = lengths;
    }

    /** Reads and checks the array and every buffer it names. */
    public static Iovecs read(GuestMemory memory, int address, int count) {
        long entries = Integer.toUnsignedLong(count);
        GuestMemory.requireWithinArgumentLimit(entries * 8);
        memory.check(address, entries * 8, 4);
        int n = (int) entries;
        int[] addresses = new int[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            int at = address + i * 8;
            addresses[i] = memory.readI32(at);
            lengths[i] = memory.readI32(at + 4);
            memory.check(addresses[i], lengths[i]);
        }
        return new Iovecs(memory, addresses, lengths);
    }

    public GuestMemory memory() {
        return memory;
    }

    public int count() {
        return addresses.length;
    }

    public int address(int i) {
        return addresses[i];
    }

    /** The length of buffer {@code i}, as an unsigned value. */
    public long length(int i) {
        return Integer.toUnsignedLong(lengths[i]);
    }

    /** The sum of all lengths. */
    public long total() {
        long sum = 0;
        for (int length : lengths) {
            sum += Integer.toUnsignedLong(length);
        }
        return sum;
    }
}
