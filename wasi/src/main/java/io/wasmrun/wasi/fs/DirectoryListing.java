package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.guest.GuestMemory;
import io.wasmrun.wasi.sys.LinuxFs;
import io.wasmrun.wasi.sys.OpenFlags;
import io.wasmrun.wasi.sys.Statx;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot of a directory's entries, {@code .} and {@code ..} included, in the kernel's order.
 * WASI's readdir cookie is an index into it: the entry at index {@code i} has {@code d_next = i +
 * 1}. {@link #fill} writes {@code dirent} records (24-byte header, then the name) into a guest
 * buffer and cuts the last one short when it does not fit, as preview1 specifies.
 */
public final class DirectoryListing {
    private static final int DIRENT_HEADER = 24;
    private static final int GETDENTS_BUFFER = 32 * 1024;

    private record Entry(long inode, byte type, byte[] name) {}

    private final List<Entry> entries;

    private DirectoryListing(List<Entry> entries) {
        this.entries = entries;
    }

    /** Reads every entry of the directory open as {@code fd}, rewinding it first. */
    static DirectoryListing read(int fd) {
        WasiError.check(LinuxFs.lseek(fd, 0, 0));
        List<Entry> entries = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(GETDENTS_BUFFER, 8);
            while (true) {
                long n = WasiError.check(LinuxFs.getdents64(fd, buffer.address(), GETDENTS_BUFFER));
                if (n == 0) {
                    break;
                }
                for (long at = 0; at < n; ) {
                    long inode = buffer.get(ValueLayout.JAVA_LONG, at);
                    int recordLength = Short.toUnsignedInt(buffer.get(ValueLayout.JAVA_SHORT, at + 16));
                    int dtype = Byte.toUnsignedInt(buffer.get(ValueLayout.JAVA_BYTE, at + 18));
                    byte[] name = nameBytes(buffer, at + 19, at + recordLength);
                    entries.add(new Entry(inode, type(fd, dtype, name), name));
                    at += recordLength;
                }
            }
        }
        return new DirectoryListing(entries);
    }

    /** A name's bytes as the file system has them (not necessarily UTF-8), up to its NUL. */
    private static byte[] nameBytes(MemorySegment buffer, long start, long end) {
        long nul = start;
        while (nul < end && buffer.get(ValueLayout.JAVA_BYTE, nul) != 0) {
            nul++;
        }
        return buffer.asSlice(start, nul - start).toArray(ValueLayout.JAVA_BYTE);
    }

    private static byte type(int fd, int dtype, byte[] name) {
        byte type = FileType.ofDirentType(dtype);
        if (type != FileType.UNKNOWN || dtype != 0) {
            return type;
        }
        long[] error = new long[1];
        Statx s =
                LinuxFs.statx(
                        fd,
                        new String(name, java.nio.charset.StandardCharsets.UTF_8),
                        OpenFlags.AT_SYMLINK_NOFOLLOW,
                        error);
        return s == null ? FileType.UNKNOWN : FileType.of(s.mode());
    }

    /**
     * Writes entries from index {@code cookie} on into {@code length} bytes at {@code address}.
     *
     * @return the bytes used; equal to {@code length} when more entries may follow
     */
    public int fill(GuestMemory memory, int address, int length, long cookie) {
        long capacity = Integer.toUnsignedLong(length);
        long used = 0;
        for (long i = cookie; cookie >= 0 && i < entries.size() && used < capacity; i++) {
            Entry entry = entries.get((int) i);
            byte[] record = new byte[DIRENT_HEADER + entry.name.length];
            java.nio.ByteBuffer header =
                    java.nio.ByteBuffer.wrap(record).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            header.putLong(0, i + 1);
            header.putLong(8, entry.inode);
            header.putInt(16, entry.name.length);
            header.put(20, entry.type);
            System.arraycopy(entry.name, 0, record, DIRENT_HEADER, entry.name.length);
            int n = (int) Math.min(record.length, capacity - used);
            memory.write(address + (int) used, record, 0, n);
            used += n;
        }
        return (int) used;
    }
}
