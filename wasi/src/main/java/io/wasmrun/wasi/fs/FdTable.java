package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's descriptor numbers. A new descriptor takes the lowest free number, as POSIX does;
 * the table is bounded so that a guest cannot exhaust the host's own descriptors.
 */
public final class FdTable implements AutoCloseable {
    /** The most descriptors a guest may hold open at once ({@code EMFILE} beyond). */
    public static final int MAX_OPEN = 1024;

    private final List<Descriptor> slots = new ArrayList<>();
    private int open;

    /** Adds {@code descriptor} at the lowest free number and returns it. */
    public int add(Descriptor descriptor) {
        if (open >= MAX_OPEN) {
            descriptor.close();
            throw new WasiError(Errno.MFILE);
        }
        open++;
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) == null) {
                slots.set(i, descriptor);
                return i;
            }
        }
        slots.add(descriptor);
        return slots.size() - 1;
    }

    /** The descriptor numbered {@code fd}, or {@code EBADF}. */
    public Descriptor get(int fd) {
        if (fd < 0 || fd >= slots.size() || slots.get(fd) == null) {
            throw new WasiError(Errno.BADF);
        }
        return slots.get(fd);
    }

    /** The directory numbered {@code fd}: {@code EBADF} if none, {@code ENOTDIR} if not one. */
    public DirectoryDescriptor directory(int fd) {
        if (get(fd) instanceof DirectoryDescriptor dir) {
            return dir;
        }
        throw new WasiError(Errno.NOTDIR);
    }

    /** The host-file descriptor numbered {@code fd}; a Java stream fails with {@code errnoIfStream}. */
    public OsDescriptor os(int fd, int errnoIfStream) {
        if (get(fd) instanceof OsDescriptor os) {
            return os;
        }
        throw new WasiError(errnoIfStream);
    }

    /** Closes and frees {@code fd}. */
    public void close(int fd) {
        Descriptor descriptor = get(fd);
        slots.set(fd, null);
        open--;
        descriptor.close();
    }

    /** {@code fd_renumber}: {@code to} (which must be open) becomes {@code from}, which is freed. */
    public void renumber(int from, int to) {
        Descriptor moving = get(from);
        Descriptor replaced = get(to);
        if (from == to) {
            return;
        }
        slots.set(to, moving);
        slots.set(from, null);
        open--;
        replaced.close();
    }

    @Override
    public void close() {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) != null) {
                slots.get(i).close();
                slots.set(i, null);
            }
        }
        open = 0;
    }
}
