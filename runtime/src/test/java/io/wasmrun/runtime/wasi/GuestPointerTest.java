package io.wasmrun.runtime.wasi;

import static io.wasmrun.runtime.wasi.Abi.*;
import static io.wasmrun.runtime.wasi.GuestFs.DATA;
import static io.wasmrun.runtime.wasi.GuestFs.IOVS;
import static io.wasmrun.runtime.wasi.GuestFs.MEMORY_SIZE;
import static io.wasmrun.runtime.wasi.GuestFs.RESULT;
import static io.wasmrun.runtime.wasi.GuestFs.RESULT2;
import static io.wasmrun.runtime.wasi.GuestFs.STR_A;
import static io.wasmrun.runtime.wasi.GuestFs.STR_B;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every WASI function that takes a guest pointer, called with bad pointers and lengths: past the
 * end of memory, straddling it, wrapping around 2^32, misaligned, negative-as-i32 lengths
 * (0xFFFFFFF0) and huge counts. No call may end in an internal error of the host, none may change
 * anything in the sandbox, and each must end as wasmtime's does.
 *
 * <p><b>What wasmtime does</b> (crates/wasi/src/p1.rs, crates/wiggle/src/lib.rs):
 *
 * <ul>
 *   <li><b>Trap</b> for an out-of-bounds, overflowing or misaligned pointer: wiggle reports
 *       {@code GuestError::PtrOutOfBounds}, {@code PtrOverflow} or {@code PtrNotAligned}, and
 *       {@code impl From<GuestError> for types::Error} in p1.rs turns exactly these three into
 *       {@code types::Error::trap}, citing witx-docs.md ("If a misaligned pointer is passed to a
 *       function, the function shall trap. If an out-of-bounds pointer is passed ... the function
 *       shall trap"). wasmtime does <b>not</b> return EFAULT for them; EFAULT is left for {@code
 *       SliceLengthsDiffer}. (wasi-common, wasmtime's old preview1, returned EFAULT.) Results are
 *       written after the function ran ({@code memory.write(...)} in the wiggle glue, generate/src/funcs.rs),
 *       so a bad result pointer traps after the effect.</li>
 *   <li><b>ENOMEM</b> when a length asks the host to copy more than its per-call budget, before
 *       any memory is touched: {@code WasiP1Ctx::consume_fuel} with the store's hostcall fuel,
 *       128 MiB by default ({@code DEFAULT_HOSTCALL_FUEL} in crates/wasmtime/src/runtime/component/store.rs),
 *       charged by {@code read_string} for every path of path_* except path_unlink_file (which
 *       reads its path with {@code memory.as_cow_str} directly, so it traps), by {@code
 *       first_non_empty_iovec}/{@code first_non_empty_ciovec} for the iovec array (count x 8) and
 *       the first non-empty buffer, and by poll_oneoff for subscriptions and events. (This came with
 *       the fix of GHSA-852m-cvvp-9p4w: 128 MiB from wasmtime 42.0.0, 2 GiB in the 41.0.x backport,
 *       where a length of 0x7FFFFFFF is an out-of-bounds trap instead; before, all were traps.)
 *       <b>wasmrun</b> applies the same 128 MiB limit to what it reads as arguments (every path,
 *       path_unlink_file's too; iovec arrays; subscriptions), but not to data buffers: it moves
 *       their bytes without copying, so a buffer of any size inside memory is read or written,
 *       and one outside memory traps, whatever its length.</li>
 *   <li>random_get traps for a length above 64 MiB ({@code DEFAULT_MAX_SIZE}, crates/wasi/src/random.rs;
 *       p2 get_random_bytes bails, p1 maps it to a trap).</li>
 *   <li>Output buffers with a length larger than what is written are fine: fd_readdir,
 *       path_readlink and fd_prestat_dir_name write only what they have.</li>
 *   <li>The sock_* functions look only at the fd: ENOTSOCK, whatever the pointers.</li>
 * </ul>
 */
class GuestPointerTest extends SandboxFixture {
    static final long END = MEMORY_SIZE; // first address past the end of guest memory
    static final long WRAPS = 0xFFFF_FFF0L; // pointer that, plus 0x20, wraps around 2^32
    static final long NEGATIVE = 0xFFFF_FFF0L; // a length that is -16 as an i32
    static final long HUGE_COUNT = 0x1000_0000L; // 2^28 elements
    static final long ALL_ONES = 0xFFFF_FFFFL;
    static final int SUBS = 0x5000; // a valid clock subscription
    static final long MISALIGNED = RESULT + 1;
    static final long MISALIGNED_8 = RESULT + 4; // 4-aligned, not 8-aligned

    /** What wasmtime does. */
    sealed interface Expect {}

    record Trap() implements Expect {
        @Override
        public String toString() {
            return "a trap";
        }
    }

    record Errno(int... allowed) implements Expect {
        @Override
        public String toString() {
            return Abi.errnoNames(allowed);
        }
    }

    static final Expect TRAP = new Trap();
    static final Expect ENOMEM_FUEL = new Errno(ENOMEM);

    static Expect errno(int... allowed) {
        return new Errno(allowed);
    }

    /** One call: its name, the function, how to prepare memory and compute the arguments, what to expect. */
    record Case(String name, String function, Function<GuestPointerTest, long[]> args, Expect expect, boolean effectBeforeTrap) {
        Case(String name, String function, Function<GuestPointerTest, long[]> args, Expect expect) {
            this(name, function, args, expect, false);
        }

        @Override
        public String toString() {
            return function + ": " + name + " -> " + expect;
        }
    }

    static long[] a(long... args) {
        return args;
    }

    // ---------------------------------------------------------------- fds and memory set-up

    private int readFd = -1;
    private int writeFd = -1;

    @BeforeEach
    void createOutputFile() throws IOException {
        Files.writeString(box.resolve("out.txt"), "output file\n");
    }

    int readFd() {
        if (readFd < 0) {
            var opened = guest.openForReading("file.txt");
            assertErrno("path_open(file.txt) for the test", opened.errno(), ESUCCESS);
            readFd = opened.fd();
        }
        return readFd;
    }

    int writeFd() {
        if (writeFd < 0) {
            var opened = guest.open(guest.root, LOOKUP_NOFOLLOW, "out.txt", 0, RIGHTS_READ_WRITE, FDFLAGS_NONE);
            assertErrno("path_open(out.txt) for the test", opened.errno(), ESUCCESS);
            writeFd = opened.fd();
        }
        return writeFd;
    }

    int str(int address, String s) {
        return guest.put(address, s);
    }

    /** One iovec at IOVS. */
    long iov(long buf, long len) {
        guest.putIovec(IOVS, (int) buf, (int) len);
        return IOVS;
    }

    /** A relative clock subscription with timeout 0 at {@code address}. */
    long clockSubscription(int address) {
        var m = guest.memory();
        guest.zero(address, address + SUBSCRIPTION_SIZE);
        m.writeLong(address, 42);
        m.writeByte(address + 8, (byte) EVENTTYPE_CLOCK);
        m.writeI32(address + 16, CLOCK_MONOTONIC);
        m.writeLong(address + 24, 0);
        return address;
    }

    // ---------------------------------------------------------------- the cases

    /** A path function with its path argument(s) at ({@code ptr}, {@code len}). */
    record PathFunction(String function, String which, PathArgs args, boolean chargesFuel) {}

    interface PathArgs {
        long[] of(GuestPointerTest t, long ptr, long len);
    }

    static final List<PathFunction> PATH_FUNCTIONS =
            List.of(
                    new PathFunction("path_open", "path", (t, p, l) -> a(t.guest.root, 0, p, l, 0, RIGHTS_READ, RIGHTS_READ, 0, RESULT), true),
                    new PathFunction("path_create_directory", "path", (t, p, l) -> a(t.guest.root, p, l), true),
                    new PathFunction("path_remove_directory", "path", (t, p, l) -> a(t.guest.root, p, l), true),
                    new PathFunction("path_unlink_file", "path", (t, p, l) -> a(t.guest.root, p, l), true),
                    new PathFunction("path_filestat_get", "path", (t, p, l) -> a(t.guest.root, 0, p, l, RESULT), true),
                    new PathFunction("path_filestat_set_times", "path", (t, p, l) -> a(t.guest.root, 0, p, l, 0, 0, FST_MTIM_NOW), true),
                    new PathFunction("path_readlink", "path", (t, p, l) -> a(t.guest.root, p, l, DATA, 64, RESULT), true),
                    new PathFunction("path_rename", "old path", (t, p, l) -> a(t.guest.root, p, l, t.guest.root, STR_B, t.str(STR_B, "renamed")), true),
                    new PathFunction("path_rename", "new path", (t, p, l) -> a(t.guest.root, STR_B, t.str(STR_B, "file.txt"), t.guest.root, p, l), true),
                    new PathFunction("path_link", "old path", (t, p, l) -> a(t.guest.root, 0, p, l, t.guest.root, STR_B, t.str(STR_B, "hard")), true),
                    new PathFunction("path_link", "new path", (t, p, l) -> a(t.guest.root, 0, STR_B, t.str(STR_B, "file.txt"), t.guest.root, p, l), true),
                    new PathFunction("path_symlink", "link text (old path)", (t, p, l) -> a(p, l, t.guest.root, STR_B, t.str(STR_B, "newlink")), true),
                    new PathFunction("path_symlink", "link place (new path)", (t, p, l) -> a(STR_B, t.str(STR_B, "file.txt"), t.guest.root, p, l), true));

    static List<Case> cases() {
        var cases = new ArrayList<Case>();
        for (PathFunction f : PATH_FUNCTIONS) {
            String w = f.which();
            cases.add(new Case(w + " past the end of memory", f.function(), t -> f.args().of(t, END, 8), TRAP));
            cases.add(new Case(w + " straddling the end of memory", f.function(), t -> f.args().of(t, END - 4, 8), TRAP));
            cases.add(new Case(w + " ptr+len wrapping 32 bits", f.function(), t -> f.args().of(t, WRAPS, 0x20), TRAP));
            cases.add(new Case(w + " length 0xFFFFFFF0", f.function(), t -> f.args().of(t, STR_A, NEGATIVE), f.chargesFuel() ? ENOMEM_FUEL : TRAP));
            cases.add(new Case(w + " length 0x7FFFFFFF", f.function(), t -> f.args().of(t, STR_A, 0x7FFF_FFFFL), f.chargesFuel() ? ENOMEM_FUEL : TRAP));
            cases.add(new Case(w + " not UTF-8", f.function(),
                    t -> f.args().of(t, STR_A, t.guest.put(STR_A, new byte[] {'f', (byte) 0xFF, (byte) 0xFE, 'x'})), errno(EILSEQ)));
        }

        // path_open's fd result, path_filestat_get's filestat, path_readlink's buffer and count.
        Function<Long, Function<GuestPointerTest, long[]>> openInto =
                fdPtr -> t -> a(t.guest.root, 0, STR_A, t.str(STR_A, "file.txt"), 0, RIGHTS_READ, RIGHTS_READ, 0, fdPtr);
        cases.add(new Case("fd result past the end", "path_open", openInto.apply(END), TRAP));
        cases.add(new Case("fd result straddling the end", "path_open", openInto.apply(END - 2), TRAP));
        cases.add(new Case("fd result at 0xFFFFFFFF", "path_open", openInto.apply(ALL_ONES), TRAP));
        cases.add(new Case("fd result misaligned", "path_open", openInto.apply(MISALIGNED), TRAP));
        Function<Long, Function<GuestPointerTest, long[]>> statInto =
                buf -> t -> a(t.guest.root, 0, STR_A, t.str(STR_A, "file.txt"), buf);
        cases.add(new Case("filestat past the end", "path_filestat_get", statInto.apply(END), TRAP));
        cases.add(new Case("filestat straddling the end", "path_filestat_get", statInto.apply(END - 32), TRAP));
        cases.add(new Case("filestat misaligned", "path_filestat_get", statInto.apply(MISALIGNED_8), TRAP));
        // box/sibling -> sub/sibling.txt (15 bytes)
        PathArgs readlink = (t, buf, len) -> a(t.guest.root, STR_A, t.str(STR_A, "sibling"), buf, len, RESULT);
        cases.add(new Case("buffer past the end", "path_readlink", t -> readlink.of(t, END, 64), TRAP));
        cases.add(new Case("buffer straddling the end", "path_readlink", t -> readlink.of(t, END - 4, 64), TRAP));
        cases.add(new Case("buffer wrapping 32 bits", "path_readlink", t -> readlink.of(t, WRAPS, 0x20), TRAP));
        cases.add(new Case("buffer length 0xFFFFFFF0 (more than the link needs)", "path_readlink", t -> readlink.of(t, DATA, NEGATIVE), errno(ESUCCESS)));
        cases.add(new Case("bufused past the end", "path_readlink",
                t -> a(t.guest.root, STR_A, t.str(STR_A, "sibling"), DATA, 64, END), TRAP));
        cases.add(new Case("bufused misaligned", "path_readlink",
                t -> a(t.guest.root, STR_A, t.str(STR_A, "sibling"), DATA, 64, MISALIGNED), TRAP));

        // fd_read / fd_write / fd_pread / fd_pwrite: iovec arrays and their buffers.
        for (String f : List.of("fd_read", "fd_write", "fd_pread", "fd_pwrite")) {
            boolean reads = f.endsWith("read");
            boolean positional = f.startsWith("fd_p");
            Function<GuestPointerTest, Integer> fd = reads ? GuestPointerTest::readFd : GuestPointerTest::writeFd;
            IoArgs io = (t, iovs, count, result) -> positional
                    ? a(fd.apply(t), iovs, count, 0, result)
                    : a(fd.apply(t), iovs, count, result);
            cases.add(new Case("iovec array past the end", f, t -> io.of(t, END, 1, RESULT), TRAP));
            cases.add(new Case("iovec array straddling the end", f, t -> io.of(t, END - 4, 1, RESULT), TRAP));
            cases.add(new Case("iovec array wrapping 32 bits", f, t -> io.of(t, 0xFFFF_FFF8L, 2, RESULT), TRAP));
            cases.add(new Case("iovec array misaligned", f, t -> { t.guest.putIovec(IOVS + 2, DATA, 16); return io.of(t, IOVS + 2, 1, RESULT); }, TRAP));
            cases.add(new Case("iovec buffer past the end", f, t -> io.of(t, t.iov(END, 16), 1, RESULT), TRAP));
            cases.add(new Case("iovec buffer straddling the end", f, t -> io.of(t, t.iov(END - 8, 16), 1, RESULT), TRAP));
            cases.add(new Case("iovec buffer wrapping 32 bits", f, t -> io.of(t, t.iov(WRAPS, 0x20), 1, RESULT), TRAP));
            cases.add(new Case("iovec length 0xFFFFFFF0", f, t -> io.of(t, t.iov(DATA, NEGATIVE), 1, RESULT), TRAP));
            cases.add(new Case("iovec length 0x7FFFFFFF", f, t -> io.of(t, t.iov(DATA, 0x7FFF_FFFFL), 1, RESULT), TRAP));
            cases.add(new Case("iovec count 2^28", f, t -> io.of(t, t.iov(DATA, 16), HUGE_COUNT, RESULT), ENOMEM_FUEL));
            cases.add(new Case("iovec count 0xFFFFFFFF", f, t -> io.of(t, t.iov(DATA, 16), ALL_ONES, RESULT), ENOMEM_FUEL));
            cases.add(new Case("iovec count 2^20 of empty iovecs running off the end", f,
                    t -> {
                        long[] args = io.of(t, IOVS, 1 << 20, RESULT); // opens the file first, then
                        t.guest.zero(IOVS, (int) END); // every iovec from IOVS to the end is empty
                        return args;
                    }, TRAP));
            // The result is stored after the call did its work: a write has happened when it traps.
            cases.add(new Case("size result past the end", f, t -> io.of(t, t.iov(DATA, 4), 1, END), TRAP, !reads));
            cases.add(new Case("size result misaligned", f, t -> io.of(t, t.iov(DATA, 4), 1, MISALIGNED), TRAP, !reads));
        }
        cases.add(new Case("stdout: iovec buffer past the end", "fd_write", t -> a(1, t.iov(END, 16), 1, RESULT), TRAP));
        cases.add(new Case("stdout: iovec length 0xFFFFFFF0", "fd_write", t -> a(1, t.iov(DATA, NEGATIVE), 1, RESULT), TRAP));
        cases.add(new Case("stdin: iovec buffer past the end", "fd_read", t -> a(0, t.iov(END, 16), 1, RESULT), TRAP));
        cases.add(new Case("stdin: iovec length 0xFFFFFFF0", "fd_read", t -> a(0, t.iov(DATA, NEGATIVE), 1, RESULT), TRAP));

        // fd_readdir
        Function<long[], Function<GuestPointerTest, long[]>> readdir = v -> t -> a(t.guest.root, v[0], v[1], 0, v[2]);
        cases.add(new Case("buffer past the end", "fd_readdir", readdir.apply(a(END, 64, RESULT)), TRAP));
        cases.add(new Case("buffer straddling the end", "fd_readdir", readdir.apply(a(END - 8, 64, RESULT)), TRAP));
        cases.add(new Case("buffer wrapping 32 bits", "fd_readdir", readdir.apply(a(WRAPS, 0x20, RESULT)), TRAP));
        cases.add(new Case("buffer length 0xFFFFFFF0 (more than the entries need)", "fd_readdir", readdir.apply(a(DATA, NEGATIVE, RESULT)), errno(ESUCCESS)));
        cases.add(new Case("empty buffer at the end", "fd_readdir", readdir.apply(a(END, 0, RESULT)), errno(ESUCCESS)));
        cases.add(new Case("bufused past the end", "fd_readdir", readdir.apply(a(DATA, 64, END)), TRAP));
        cases.add(new Case("bufused misaligned", "fd_readdir", readdir.apply(a(DATA, 64, MISALIGNED)), TRAP));

        // Result structs of the fd_* functions.
        cases.add(new Case("prestat past the end", "fd_prestat_get", t -> a(t.guest.root, END), TRAP));
        cases.add(new Case("prestat straddling the end", "fd_prestat_get", t -> a(t.guest.root, END - 4), TRAP));
        cases.add(new Case("prestat misaligned", "fd_prestat_get", t -> a(t.guest.root, MISALIGNED), TRAP));
        int nameLength = GuestFs.PREOPEN_NAME.length();
        cases.add(new Case("name buffer past the end", "fd_prestat_dir_name", t -> a(t.guest.root, END, nameLength), TRAP));
        cases.add(new Case("name buffer straddling the end", "fd_prestat_dir_name", t -> a(t.guest.root, END - 4, nameLength), TRAP));
        cases.add(new Case("name buffer wrapping 32 bits", "fd_prestat_dir_name", t -> a(t.guest.root, WRAPS, 0x20), TRAP));
        cases.add(new Case("name length 0xFFFFFFF0 (more than the name needs)", "fd_prestat_dir_name", t -> a(t.guest.root, STR_A, NEGATIVE), errno(ESUCCESS)));
        cases.add(new Case("name length too short", "fd_prestat_dir_name", t -> a(t.guest.root, STR_A, 3), errno(ENAMETOOLONG)));
        cases.add(new Case("fdstat past the end", "fd_fdstat_get", t -> a(t.guest.root, END), TRAP));
        cases.add(new Case("fdstat straddling the end", "fd_fdstat_get", t -> a(t.guest.root, END - 8), TRAP));
        cases.add(new Case("fdstat misaligned", "fd_fdstat_get", t -> a(t.guest.root, MISALIGNED_8), TRAP));
        cases.add(new Case("filestat past the end", "fd_filestat_get", t -> a(t.readFd(), END), TRAP));
        cases.add(new Case("filestat straddling the end", "fd_filestat_get", t -> a(t.readFd(), END - 32), TRAP));
        cases.add(new Case("filestat misaligned", "fd_filestat_get", t -> a(t.readFd(), MISALIGNED_8), TRAP));
        cases.add(new Case("new offset past the end", "fd_seek", t -> a(t.readFd(), 0, WHENCE_SET, END), TRAP));
        cases.add(new Case("new offset straddling the end", "fd_seek", t -> a(t.readFd(), 0, WHENCE_SET, END - 4), TRAP));
        cases.add(new Case("new offset misaligned", "fd_seek", t -> a(t.readFd(), 0, WHENCE_SET, MISALIGNED_8), TRAP));
        cases.add(new Case("offset past the end", "fd_tell", t -> a(t.readFd(), END), TRAP));
        cases.add(new Case("offset misaligned", "fd_tell", t -> a(t.readFd(), MISALIGNED_8), TRAP));

        // args and environ
        for (String what : List.of("args", "environ")) {
            String get = what + "_get";
            String sizes = what + "_sizes_get";
            cases.add(new Case("pointer array past the end", get, t -> a(END, STR_A), TRAP));
            cases.add(new Case("pointer array straddling the end", get, t -> a(END - 4, STR_A), TRAP));
            cases.add(new Case("pointer array at 0xFFFFFFFC", get, t -> a(0xFFFF_FFFCL, STR_A), TRAP));
            cases.add(new Case("pointer array misaligned", get, t -> a(MISALIGNED, STR_A), TRAP));
            cases.add(new Case("string buffer past the end", get, t -> a(RESULT, END), TRAP));
            cases.add(new Case("string buffer straddling the end", get, t -> a(RESULT, END - 8), TRAP));
            cases.add(new Case("string buffer at 0xFFFFFFF0", get, t -> a(RESULT, WRAPS), TRAP));
            cases.add(new Case("count past the end", sizes, t -> a(END, RESULT2), TRAP));
            cases.add(new Case("size past the end", sizes, t -> a(RESULT, END), TRAP));
            cases.add(new Case("count misaligned", sizes, t -> a(MISALIGNED, RESULT2), TRAP));
        }

        // clocks
        cases.add(new Case("resolution past the end", "clock_res_get", t -> a(CLOCK_MONOTONIC, END), TRAP));
        cases.add(new Case("resolution misaligned", "clock_res_get", t -> a(CLOCK_MONOTONIC, MISALIGNED_8), TRAP));
        cases.add(new Case("time past the end", "clock_time_get", t -> a(CLOCK_REALTIME, 0, END), TRAP));
        cases.add(new Case("time straddling the end", "clock_time_get", t -> a(CLOCK_REALTIME, 0, END - 4), TRAP));
        cases.add(new Case("time misaligned", "clock_time_get", t -> a(CLOCK_REALTIME, 0, MISALIGNED_8), TRAP));

        // poll_oneoff
        cases.add(new Case("subscriptions past the end", "poll_oneoff", t -> a(END, DATA, 1, RESULT), TRAP));
        cases.add(new Case("subscriptions misaligned", "poll_oneoff", t -> a(t.clockSubscription(SUBS + 4), DATA, 1, RESULT), TRAP));
        cases.add(new Case("second subscription past the end", "poll_oneoff",
                t -> { t.clockSubscription((int) END - 72); return a(END - 72, DATA, 2, RESULT); }, TRAP));
        cases.add(new Case("events past the end", "poll_oneoff", t -> a(t.clockSubscription(SUBS), END, 1, RESULT), TRAP));
        cases.add(new Case("events straddling the end", "poll_oneoff", t -> a(t.clockSubscription(SUBS), END - 16, 1, RESULT), TRAP));
        cases.add(new Case("nevents past the end", "poll_oneoff", t -> a(t.clockSubscription(SUBS), DATA, 1, END), TRAP));
        cases.add(new Case("nevents misaligned", "poll_oneoff", t -> a(t.clockSubscription(SUBS), DATA, 1, MISALIGNED), TRAP));
        cases.add(new Case("2^28 subscriptions", "poll_oneoff", t -> a(t.clockSubscription(SUBS), DATA, HUGE_COUNT, RESULT), ENOMEM_FUEL));
        cases.add(new Case("0xFFFFFFFF subscriptions", "poll_oneoff", t -> a(t.clockSubscription(SUBS), DATA, ALL_ONES, RESULT), ENOMEM_FUEL));
        cases.add(new Case("no subscriptions", "poll_oneoff", t -> a(SUBS, DATA, 0, RESULT), errno(EINVAL)));

        // random_get
        cases.add(new Case("buffer past the end", "random_get", t -> a(END, 16), TRAP));
        cases.add(new Case("buffer straddling the end", "random_get", t -> a(END - 8, 16), TRAP));
        cases.add(new Case("buffer wrapping 32 bits", "random_get", t -> a(WRAPS, 0x20), TRAP));
        cases.add(new Case("length 0xFFFFFFF0", "random_get", t -> a(DATA, NEGATIVE), TRAP));
        cases.add(new Case("length 2^28 from address 0", "random_get", t -> a(0, HUGE_COUNT), TRAP));
        cases.add(new Case("empty buffer at the end", "random_get", t -> a(END, 0), errno(ESUCCESS)));

        // sockets: ENOTSOCK after looking at the fd only
        cases.add(new Case("fd result past the end", "sock_accept", t -> a(t.guest.root, 0, END), errno(ENOTSOCK)));
        cases.add(new Case("iovecs and results past the end", "sock_recv", t -> a(t.guest.root, END, ALL_ONES, 0, END, END), errno(ENOTSOCK)));
        cases.add(new Case("iovecs and result past the end", "sock_send", t -> a(t.guest.root, END, ALL_ONES, 0, END), errno(ENOTSOCK)));
        return cases;
    }

    interface IoArgs {
        long[] of(GuestPointerTest t, long iovs, long count, long result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadPointerEndsAsInWasmtime(Case c) {
        long[] args = c.args().apply(this);
        var boxBefore = HostTree.of(box);
        Outcome outcome = guest.call(c.function(), args);
        String call = GuestFs.describe(c.function(), args) + " [" + c.name() + "]";
        var boxChanges = HostTree.of(box).changesSince(boxBefore);

        if (outcome instanceof Outcome.Crashed) {
            fail(call + ": " + outcome);
        }
        switch (c.expect()) {
            case Trap t -> {
                if (!(outcome instanceof Outcome.Trapped)) {
                    fail(call + ": expected a trap (as wasmtime: wiggle GuestError::PtrOutOfBounds/PtrOverflow/"
                            + "PtrNotAligned -> types::Error::trap) but it " + outcome);
                }
            }
            case Errno e -> {
                if (!(outcome instanceof Outcome.Returned returned)) {
                    fail(call + ": expected " + e + " but it " + outcome);
                    return;
                }
                assertErrno(call, returned.errno(), e.allowed());
            }
        }
        if (!boxChanges.isEmpty() && !c.effectBeforeTrap()) {
            fail(call + " changed the sandbox: " + boxChanges);
        }
    }

    // ---------------------------------------------------------------- sanity: the same calls with good pointers work

    static List<Case> goodCases() {
        return List.of(
                new Case("path", "path_filestat_get", t -> a(t.guest.root, 0, STR_A, t.str(STR_A, "file.txt"), RESULT), errno(ESUCCESS)),
                new Case("last byte of memory", "random_get", t -> a(END - 1, 1), errno(ESUCCESS)),
                new Case("buffer ending at the end", "fd_read", t -> a(t.readFd(), t.iov(END - 4, 4), 1, END - 4), errno(ESUCCESS)),
                new Case("results at the end", "args_sizes_get", t -> a(END - 8, END - 4), errno(ESUCCESS)),
                new Case("buffers", "args_get", t -> a(RESULT, STR_A), errno(ESUCCESS)),
                new Case("buffers", "environ_get", t -> a(RESULT, STR_A), errno(ESUCCESS)),
                new Case("one subscription", "poll_oneoff", t -> a(t.clockSubscription(SUBS), DATA, 1, RESULT), errno(ESUCCESS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodCases")
    void theSameCallsWithGoodPointersWork(Case c) {
        long[] args = c.args().apply(this);
        Outcome outcome = guest.call(c.function(), args);
        assertEquals(new Outcome.Returned(ESUCCESS), outcome, GuestFs.describe(c.function(), args));
    }

    @org.junit.jupiter.api.Test
    void argsAndEnvironmentArriveIntact() {
        assertEquals(new Outcome.Returned(ESUCCESS), guest.call("args_sizes_get", RESULT, RESULT2));
        int argc = guest.memory().readInt(RESULT);
        int size = guest.memory().readInt(RESULT2);
        assertEquals(GuestFs.ARGS.size(), argc, "argc");
        assertEquals(new Outcome.Returned(ESUCCESS), guest.call("args_get", RESULT, STR_A));
        byte[] buf = guest.memory().readBytes(STR_A, size);
        List<String> args = Arrays.stream(new String(buf, UTF_8).split("\0")).toList();
        assertEquals(GuestFs.ARGS, args);
        IntStream.range(0, argc).forEach(i -> assertEquals(
                STR_A + GuestFs.ARGS.subList(0, i).stream().mapToInt(s -> s.length() + 1).sum(),
                guest.memory().readInt(RESULT + 4 * i), "argv[" + i + "]"));
    }
}
