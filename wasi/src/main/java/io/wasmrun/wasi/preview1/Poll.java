package io.wasmrun.wasi.preview1;

import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.Rights;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.fs.Descriptor;
import io.wasmrun.wasi.fs.FileDescriptor;
import io.wasmrun.wasi.fs.FileType;
import io.wasmrun.wasi.fs.StreamDescriptor;
import io.wasmrun.wasi.guest.GuestMemory;
import io.wasmrun.wasi.sys.LinuxFs;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code poll_oneoff}: waits for the first of its subscriptions, clocks or descriptors, and
 * reports every one that is ready. Files, directories and output streams are always ready; the
 * process's own standard input is polled with {@code ppoll}; a Java input stream is ready (a read
 * at its end returns 0 at once). With nothing ready, the call sleeps until the earliest clock
 * deadline, interruptibly: an interrupt ({@code --timeout}, Ctrl-C in the REPL) ends the wait and
 * the guest stops at its next check.
 */
final class Poll {
    private static final int SUBSCRIPTION_BYTES = 48;
    private static final int EVENT_BYTES = 32;
    private static final int TYPE_CLOCK = 0;
    private static final int TYPE_FD_READ = 1;
    private static final int TYPE_FD_WRITE = 2;
    private static final int ABSTIME = 1;
    private static final short POLLIN = 1;

    private record Subscription(long userdata, int type, int clockOrFd, long timeout, int flags) {}

    private record Event(long userdata, int error, int type, long nbytes) {}

    private final WasiContext wasi;

    Poll(WasiContext wasi) {
        this.wasi = wasi;
    }

    int pollOneoff(GuestMemory m, int in, int out, int count, int neventsAddress) {
        if (count == 0) {
            throw new WasiError(Errno.INVAL);
        }
        long n = Integer.toUnsignedLong(count);
        GuestMemory.requireWithinArgumentLimit(n * SUBSCRIPTION_BYTES);
        m.check(in, n * SUBSCRIPTION_BYTES, 8);
        m.check(out, n * EVENT_BYTES, 8);
        m.check(neventsAddress, 4, 4);
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = in + i * SUBSCRIPTION_BYTES;
            int type = m.readByte(at + 8) & 0xFF;
            subscriptions.add(
                    new Subscription(
                            m.readI64(at),
                            type,
                            m.readI32(at + 16),
                            m.readI64(at + 24),
                            m.readU16(at + 40)));
        }
        List<Event> events = ready(subscriptions, false);
        if (events.isEmpty()) {
            long wait = Long.MAX_VALUE;
            for (Subscription s : subscriptions) {
                if (s.type == TYPE_CLOCK) {
                    wait = Math.min(wait, remaining(s));
                }
            }
            events = waitFor(subscriptions, wait);
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            int at = out + i * EVENT_BYTES;
            m.fill(at, EVENT_BYTES, (byte) 0);
            m.writeI64(at, e.userdata);
            m.writeU16(at + 8, e.error);
            m.writeByte(at + 10, (byte) e.type);
            m.writeI64(at + 16, e.nbytes);
        }
        m.writeI32(neventsAddress, events.size());
        return Errno.SUCCESS;
    }

    /** Nanoseconds until a clock subscription fires (0 if it has), or an error event's 0. */
    private static long remaining(Subscription s) {
        try {
            long now = ProcessFunctions.now(s.clockOrFd);
            long deadline = (s.flags & ABSTIME) != 0 ? s.timeout : now + s.timeout;
            if ((s.flags & ABSTIME) == 0 && s.timeout < 0) {
                return Long.MAX_VALUE;
            }
            return Math.max(0, deadline - now);
        } catch (WasiError e) {
            return 0;
        }
    }

    private List<Event> waitFor(List<Subscription> subscriptions, long wait) {
        long deadline = wait == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + wait;
        FileDescriptor stdin = pendingProcessInput(subscriptions);
        while (true) {
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, deadline - System.nanoTime());
            if (stdin != null) {
                LinuxFs.pollOne(stdin.fd(), POLLIN, Math.min(left, 100_000_000L));
            } else {
                try {
                    long step = Math.min(left, 100_000_000L);
                    Thread.sleep(step / 1_000_000, (int) (step % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return List.of();
            }
            boolean passed = deadline != Long.MAX_VALUE && System.nanoTime() >= deadline;
            List<Event> events = ready(subscriptions, passed);
            if (!events.isEmpty()) {
                return events;
            }
        }
    }

    private FileDescriptor pendingProcessInput(List<Subscription> subscriptions) {
        for (Subscription s : subscriptions) {
            if (s.type == TYPE_FD_READ && descriptor(s.clockOrFd) instanceof FileDescriptor f && !f.seekable()) {
                return f;
            }
        }
        return null;
    }

    private Descriptor descriptor(int fd) {
        try {
            return wasi.fds.get(fd);
        } catch (WasiError e) {
            return null;
        }
    }

    /** The events ready now; {@code timedOut}: the wait for the earliest clock has ended. */
    private List<Event> ready(List<Subscription> subscriptions, boolean timedOut) {
        List<Event> events = new ArrayList<>();
        for (Subscription s : subscriptions) {
            switch (s.type) {
                case TYPE_CLOCK -> {
                    boolean invalid;
                    try {
                        ProcessFunctions.resolution(s.clockOrFd);
                        invalid = false;
                    } catch (WasiError e) {
                        invalid = true;
                    }
                    if (invalid) {
                        events.add(new Event(s.userdata, Errno.INVAL, TYPE_CLOCK, 0));
                    } else if (remaining(s) == 0 || timedOut) {
                        events.add(new Event(s.userdata, Errno.SUCCESS, TYPE_CLOCK, 0));
                    }
                }
                case TYPE_FD_READ, TYPE_FD_WRITE -> {
                    Event e = fdEvent(s);
                    if (e != null) {
                        events.add(e);
                    }
                }
                default -> events.add(new Event(s.userdata, Errno.INVAL, s.type, 0));
            }
        }
        return events;
    }

    private Event fdEvent(Subscription s) {
        Descriptor d = descriptor(s.clockOrFd);
        if (d == null) {
            return new Event(s.userdata, Errno.BADF, s.type, 0);
        }
        if ((d.rightsBase() & Rights.POLL_FD_READWRITE) == 0
                && (d.rightsBase() & (s.type == TYPE_FD_READ ? Rights.FD_READ : Rights.FD_WRITE)) == 0) {
            return new Event(s.userdata, Errno.NOTCAPABLE, s.type, 0);
        }
        if (s.type == TYPE_FD_READ && d instanceof StreamDescriptor stream) {
            return new Event(s.userdata, Errno.SUCCESS, s.type, stream.available());
        }
        if (s.type == TYPE_FD_READ && d instanceof FileDescriptor f && !f.seekable()) {
            long revents = LinuxFs.pollOne(f.fd(), POLLIN, 0);
            return revents > 0 ? new Event(s.userdata, Errno.SUCCESS, s.type, 0) : null;
        }
        long nbytes = 0;
        if (s.type == TYPE_FD_READ && d.fileType() == FileType.REGULAR_FILE && d instanceof FileDescriptor f) {
            long size = f.stat().size();
            long position = f.seek(0, 1);
            nbytes = Math.max(0, size - position);
        }
        return new Event(s.userdata, Errno.SUCCESS, s.type, nbytes);
    }
}
