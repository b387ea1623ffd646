package io.wasmrun.wasi.fs;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.Rights;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.guest.Iovecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A standard stream the embedder gave as a Java {@link InputStream} or {@link OutputStream} (tests,
 * hosts that capture output). Output is flushed after every {@code fd_write}, since the guest
 * buffers itself; host I/O errors become {@code EIO}.
 */
public final class StreamDescriptor extends Descriptor {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final OutputStream out;

    private StreamDescriptor(InputStream in, OutputStream out) {
        super(Rights.STREAM, 0);
        this.in = in;
        this.out = out;
    }

    public static StreamDescriptor input(InputStream in) {
        return new StreamDescriptor(in, null);
    }

    public static StreamDescriptor output(OutputStream out) {
        return new StreamDescriptor(null, out);
    }

    /** Bytes that can be read without blocking, for {@code poll_oneoff}. */
    public long available() {
        try {
            return in == null ? 0 : in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public byte fileType() {
        return FileType.UNKNOWN;
    }

    @Override
    public int fdFlags() {
        return 0;
    }

    @Override
    public void setFdFlags(int fdflags) {
        if (fdflags != 0) {
            throw new WasiError(Errno.NOTSUP);
        }
    }

    @Override
    public long read(Iovecs buffers) {
        if (in == null) {
            throw new WasiError(Errno.BADF);
        }
        for (int i = 0; i < buffers.count(); i++) {
            long length = buffers.length(i);
            if (length == 0) {
                continue;
            }
            byte[] bytes = new byte[(int) Math.min(length, CHUNK)];
            try {
                int n = in.read(bytes);
                if (n <= 0) {
                    return 0;
                }
                buffers.memory().write(buffers.address(i), bytes, 0, n);
                return n;
            } catch (IOException e) {
                throw new WasiError(Errno.IO);
            }
        }
        return 0;
    }

    @Override
    public long write(Iovecs buffers) {
        if (out == null) {
            throw new WasiError(Errno.BADF);
        }
        long total = 0;
        try {
            for (int i = 0; i < buffers.count(); i++) {
                long length = buffers.length(i);
                for (long done = 0; done < length; ) {
                    int n = (int) Math.min(CHUNK, length - done);
                    out.write(buffers.memory().read(buffers.address(i) + (int) done, n));
                    done += n;
                    total += n;
                }
            }
            out.flush();
        } catch (IOException e) {
            if (total == 0) {
                throw new WasiError(Errno.IO);
            }
        }
        return total;
    }

    @Override
    public Filestat stat() {
        return new Filestat(0, 0, FileType.UNKNOWN, 1, 0, 0, 0, 0);
    }

    @Override
    public void close() {}
}
