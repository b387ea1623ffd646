package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.guest.Iovecs;

/**
 * An open WASI descriptor: what its number in the {@link FdTable} stands for. It carries the
 * preview1 rights the guest may use it with; every operation first checks the right it needs.
 */
public abstract sealed class Descriptor permits OsDescriptor, StreamDescriptor {
    private long rightsBase;
    private long rightsInheriting;

    Descriptor(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    public long rightsBase() {
        return rightsBase;
    }

    public long rightsInheriting() {
        return rightsInheriting;
    }

    /** Throws {@code ENOTCAPABLE} unless every right in {@code rights} is held. */
    public void require(long rights) {
        if ((rightsBase & rights) != rights) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }

    /** {@code fd_fdstat_set_rights}: keeps a subset; asking for a right not held fails. */
    public void restrictRights(long base, long inheriting) {
        if ((base & ~rightsBase) != 0 || (inheriting & ~rightsInheriting) != 0) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        rightsBase = base;
        rightsInheriting = inheriting;
    }

    /** The WASI {@code filetype}. */
    public abstract byte fileType();

    /** The WASI {@code fdflags} now in force. */
    public abstract int fdFlags();

    /** {@code fd_fdstat_set_flags}. */
    public abstract void setFdFlags(int fdflags);

    /** Reads into the guest's buffers; the byte count, 0 at end of file. */
    public abstract long read(Iovecs buffers);

    /** Writes the guest's buffers; the byte count. */
    public abstract long write(Iovecs buffers);

    /** {@code fd_filestat_get}. */
    public abstract Filestat stat();

    /** Releases what the descriptor holds. */
    public abstract void close();

    /** Whether {@code fd_seek} and {@code fd_tell} can work on it. */
    public boolean seekable() {
        return false;
    }
}
