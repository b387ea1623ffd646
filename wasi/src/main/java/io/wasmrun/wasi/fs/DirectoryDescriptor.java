package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.guest.Iovecs;

/**
 * A directory: a preopen (which has a guest name, {@code fd_prestat_get}) or one the guest
 * opened under it. Path operations start from it and never leave it ({@link PathResolver}).
 */
public final class DirectoryDescriptor extends OsDescriptor {
    private final String preopenName;
    private DirectoryListing listing;

    /**
     * @param preopenName the guest's name for a preopened directory, {@code null} for others
     */
    public DirectoryDescriptor(
            int fd, long rightsBase, long rightsInheriting, boolean readOnly, String preopenName) {
        super(fd, rightsBase, rightsInheriting, readOnly, true);
        this.preopenName = preopenName;
    }

    /** The guest name of a preopen, or {@code null}. */
    public String preopenName() {
        return preopenName;
    }

    @Override
    public byte fileType() {
        return FileType.DIRECTORY;
    }

    @Override
    public long read(Iovecs buffers) {
        throw new WasiError(Errno.ISDIR);
    }

    @Override
    public long write(Iovecs buffers) {
        throw new WasiError(Errno.ISDIR);
    }

    /**
     * The entries for {@code fd_readdir}: read afresh when a listing starts (cookie 0), so a
     * guest that rewinds sees changes; later cookies index the same snapshot.
     */
    public DirectoryListing listing(long cookie) {
        if (listing == null || cookie == 0) {
            listing = DirectoryListing.read(fd());
        }
        return listing;
    }
}
