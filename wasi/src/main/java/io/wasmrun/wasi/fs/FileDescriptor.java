package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.sys.LinuxFs;

/**
 * A descriptor for anything that is not a directory: a regular file, a device, a pipe, or one
 * of the process's standard streams when the host passes them through.
 */
public final class FileDescriptor extends OsDescriptor {
    private final byte fileType;

    /**
     * @param owned whether closing the descriptor closes {@code fd} (not for the process's own
     *     standard streams)
     */
    public FileDescriptor(
            int fd, byte fileType, long rightsBase, long rightsInheriting, boolean readOnly, boolean owned) {
        super(fd, rightsBase, rightsInheriting, readOnly, owned);
        this.fileType = fileType;
    }

    @Override
    public byte fileType() {
        return fileType;
    }

    @Override
    public boolean seekable() {
        return fileType == FileType.REGULAR_FILE || fileType == FileType.BLOCK_DEVICE;
    }

    /** {@code fd_seek}: the new position. */
    public long seek(long offset, int whence) {
        if (!seekable()) {
            throw new WasiError(Errno.SPIPE);
        }
        return WasiError.check(LinuxFs.lseek(fd(), offset, whence));
    }
}
