package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.guest.GuestMemory;
import io.wasmrun.wasi.sys.Statx;

/**
 * WASI's {@code filestat}: 64 bytes, {@code dev ino filetype nlink size atim mtim ctim}.
 *
 * @param fileType a {@link FileType} value
 */
public record Filestat(
        long device, long inode, byte fileType, long links, long size, long atim, long mtim, long ctim) {
    /** The size of the guest structure. */
    public static final int BYTES = 64;

    /** The stat of a Linux {@code statx} result. */
    public static Filestat of(Statx s) {
        return new Filestat(
                s.device(),
                s.inode(),
                FileType.of(s.mode()),
                s.links(),
                s.size(),
                s.atimeNanos(),
                s.mtimeNanos(),
                s.ctimeNanos());
    }

    /** Writes the structure at {@code address}. */
    public void writeTo(GuestMemory memory, int address) {
        memory.check(address, BYTES, 8);
        memory.writeI64(address, device);
        memory.writeI64(address + 8, inode);
        memory.writeI64(address + 16, fileType & 0xFF);
        memory.writeI64(address + 24, links);
        memory.writeI64(address + 32, size);
        memory.writeI64(address + 40, atim);
        memory.writeI64(address + 48, mtim);
        memory.writeI64(address + 56, ctim);
    }
}
