package io.wasmrun.runtime.wasi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import com.dylibso.chicory.runtime.Memory;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.Wasi;
import io.wasmrun.runtime.WasiConfig;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.text.Wat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A WASI guest to drive from Java: a module, written in the text format and compiled with wasmrun's
 * own parser, that imports the WASI preview1 functions and exports each one as a thin wrapper of
 * the same name and signature, plus its memory. A test writes strings and structs into guest
 * memory, calls a wrapper with the arguments it chooses, and gets the errno (or the trap) back, so
 * every call goes guest -> host exactly as a real program's would.
 *
 * <p>Guest memory is {@link #MEMORY_SIZE} bytes and cannot grow, so "past the end" is a fixed
 * address. The helpers use fixed scratch areas: {@link #RESULT} for results, {@link #IOVS} for
 * iovec arrays, {@link #STR_A} / {@link #STR_B} for the two path arguments, {@link #DATA} for read
 * and write buffers.
 */
final class GuestFs implements AutoCloseable {
    static final int PAGE = 65536;
    static final int MEMORY_SIZE = 2 * PAGE;
    /** Results (8-aligned, 64 bytes: room for a filestat). */
    static final int RESULT = 0x100;
    /** A second result area, for functions with two results. */
    static final int RESULT2 = 0x180;
    /** iovec arrays (8-aligned, 1 KiB). */
    static final int IOVS = 0x200;
    /** First string argument (8 KiB). */
    static final int STR_A = 0x1000;
    /** Second string argument (8 KiB). */
    static final int STR_B = 0x3000;
    /** Data buffers (32 KiB). */
    static final int DATA = 0x8000;
    static final int DATA_SIZE = 0x8000;

    /** The guest path the sandbox directory is preopened as. */
    static final String PREOPEN_NAME = "/sandbox";
    static final List<String> ARGS = List.of("guest.wasm", "first-argument", "second");
    static final Map<String, String> ENV = Map.of("GUEST_HOME", "/sandbox", "LANG", "C.UTF-8");

    /**
     * The WASI preview1 functions the guest imports, with their core wasm parameter types ({@code i}
     * i32, {@code l} i64); all return an i32 errno. {@code proc_exit} is left out: it never returns.
     */
    static final Map<String, String> SIGNATURES = signatures();

    private static Map<String, String> signatures() {
        var s = new LinkedHashMap<String, String>();
        s.put("args_get", "ii");
        s.put("args_sizes_get", "ii");
        s.put("environ_get", "ii");
        s.put("environ_sizes_get", "ii");
        s.put("clock_res_get", "ii");
        s.put("clock_time_get", "ili");
        s.put("fd_advise", "illi");
        s.put("fd_allocate", "ill");
        s.put("fd_close", "i");
        s.put("fd_datasync", "i");
        s.put("fd_fdstat_get", "ii");
        s.put("fd_fdstat_set_flags", "ii");
        s.put("fd_fdstat_set_rights", "ill");
        s.put("fd_filestat_get", "ii");
        s.put("fd_filestat_set_size", "il");
        s.put("fd_filestat_set_times", "illi");
        s.put("fd_pread", "iiili");
        s.put("fd_prestat_get", "ii");
        s.put("fd_prestat_dir_name", "iii");
        s.put("fd_pwrite", "iiili");
        s.put("fd_read", "iiii");
        s.put("fd_readdir", "iiili");
        s.put("fd_renumber", "ii");
        s.put("fd_seek", "ilii");
        s.put("fd_sync", "i");
        s.put("fd_tell", "ii");
        s.put("fd_write", "iiii");
        s.put("path_create_directory", "iii");
        s.put("path_filestat_get", "iiiii");
        s.put("path_filestat_set_times", "iiiilli");
        s.put("path_link", "iiiiiii");
        s.put("path_open", "iiiiillii");
        s.put("path_readlink", "iiiiii");
        s.put("path_remove_directory", "iii");
        s.put("path_rename", "iiiiii");
        s.put("path_symlink", "iiiii");
        s.put("path_unlink_file", "iii");
        s.put("poll_oneoff", "iiii");
        s.put("random_get", "ii");
        s.put("sched_yield", "");
        s.put("sock_accept", "iii");
        s.put("sock_recv", "iiiiii");
        s.put("sock_send", "iiiii");
        s.put("sock_shutdown", "ii");
        return java.util.Collections.unmodifiableMap(s);
    }

    /** The guest module in the text format. */
    static String guestWat() {
        var wat = new StringBuilder("(module\n");
        SIGNATURES.forEach(
                (name, params) ->
                        wat.append("  (import \"")
                                .append(Wasi.MODULE)
                                .append("\" \"")
                                .append(name)
                                .append("\" (func $")
                                .append(name)
                                .append(paramList(params))
                                .append(" (result i32)))\n"));
        wat.append("  (memory (export \"memory\") ")
                .append(MEMORY_SIZE / PAGE)
                .append(' ')
                .append(MEMORY_SIZE / PAGE)
                .append(")\n");
        SIGNATURES.forEach(
                (name, params) -> {
                    wat.append("  (func (export \"").append(name).append("\")").append(paramList(params));
                    wat.append(" (result i32)\n    (call $").append(name);
                    for (int i = 0; i < params.length(); i++) {
                        wat.append(" (local.get ").append(i).append(')');
                    }
                    wat.append("))\n");
                });
        return wat.append(")\n").toString();
    }

    private static String paramList(String params) {
        if (params.isEmpty()) {
            return "";
        }
        var sb = new StringBuilder(" (param");
        for (char c : params.toCharArray()) {
            sb.append(c == 'l' ? " i64" : " i32");
        }
        return sb.append(')').toString();
    }

    /** One runtime and one compiled guest for the whole test JVM; instances are per test. */
    private static final class Shared {
        static final WasmRuntime RUNTIME = WasmRuntime.builder().build();
        static final LoadedModule GUEST =
                RUNTIME.load("wasi-guest.wasm", Wat.toBinary(guestWat(), "wasi-guest.wat"));
    }

    private final Wasi wasi;
    private final WasmInstance instance;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    /** The preopened sandbox directory's fd, found through fd_prestat_get. */
    final int root;

    private GuestFs(Path sandbox) {
        var config =
                new WasiConfig(
                        ARGS,
                        ENV,
                        Map.of(PREOPEN_NAME, sandbox),
                        new ByteArrayInputStream("standard input\n".getBytes(UTF_8)),
                        stdout,
                        new ByteArrayOutputStream());
        this.wasi = Wasi.create(config);
        WasmInstance created;
        try {
            created = Shared.RUNTIME.instantiate(Shared.GUEST, wasi.defineInto(new Linker()));
        } catch (RuntimeException e) {
            wasi.close();
            throw e;
        }
        this.instance = created;
        this.root = findPreopen();
    }

    /** A guest with {@code sandbox} preopened as {@value #PREOPEN_NAME}. */
    static GuestFs preopening(Path sandbox) {
        return new GuestFs(sandbox);
    }

    private int findPreopen() {
        for (int fd = 3; fd < 64; fd++) {
            if (errno("fd_prestat_get", fd, RESULT) != Abi.ESUCCESS) {
                continue;
            }
            if (memory().read(RESULT) != 0) {
                continue;
            }
            int len = memory().readInt(RESULT + 4);
            if (len > 4096 || errno("fd_prestat_dir_name", fd, STR_A, len) != Abi.ESUCCESS) {
                continue;
            }
            if (PREOPEN_NAME.equals(new String(memory().readBytes(STR_A, len), UTF_8))) {
                return fd;
            }
        }
        return fail("the guest sees no preopened directory named " + PREOPEN_NAME);
    }

    Memory memory() {
        return instance.memory(0);
    }

    /** What the guest wrote to its standard output. */
    byte[] stdout() {
        return stdout.toByteArray();
    }

    // ---------------------------------------------------------------- raw calls

    /** Calls WASI function {@code function} through the guest; never throws. */
    Outcome call(String function, long... args) {
        if (!SIGNATURES.containsKey(function)) {
            throw new IllegalArgumentException("the guest does not import " + function);
        }
        try {
            long[] results = instance.call(function, args);
            return new Outcome.Returned((int) results[0]);
        } catch (Throwable thrown) {
            return Outcome.of(thrown);
        }
    }

    /** Calls {@code function} and returns its errno; a trap or an internal error fails the test. */
    int errno(String function, long... args) {
        Outcome outcome = call(function, args);
        if (outcome instanceof Outcome.Returned returned) {
            return returned.errno();
        }
        return fail(describe(function, args) + " " + outcome);
    }

    static String describe(String function, long... args) {
        var sb = new StringBuilder(function).append('(');
        for (int i = 0; i < args.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(hex(args[i]));
        }
        return sb.append(')').toString();
    }

    private static String hex(long value) {
        return value >= 0 && value < 4096 ? Long.toString(value) : "0x" + Long.toHexString(value);
    }

    /** Writes {@code text} as UTF-8 at {@code address} and returns its length in bytes. */
    int put(int address, String text) {
        return put(address, text.getBytes(UTF_8));
    }

    int put(int address, byte[] bytes) {
        memory().write(address, bytes);
        return bytes.length;
    }

    /** Writes one iovec {@code (buf, len)} at {@code address}. */
    void putIovec(int address, int buf, int len) {
        memory().writeI32(address, buf);
        memory().writeI32(address + 4, len);
    }

    void zero(int from, int to) {
        memory().fill((byte) 0, from, to);
    }

    // ---------------------------------------------------------------- the path_* functions

    record Opened(int errno, int fd) {}

    record ReadLink(int errno, String target) {}

    record Filestat(long dev, long ino, int filetype, long nlink, long size, long atim, long mtim, long ctim) {}

    record Stat(int errno, Filestat stat) {}

    record Read(int errno, byte[] data) {
        String text() {
            return data == null ? null : new String(data, UTF_8);
        }
    }

    record Written(int errno, int count) {}

    Opened open(int dirfd, int lookupFlags, String path, int oflags, long rights, int fdflags) {
        memory().writeI32(RESULT, -1);
        int len = put(STR_A, path);
        int errno = errno("path_open", dirfd, lookupFlags, STR_A, len, oflags, rights, rights, fdflags, RESULT);
        return new Opened(errno, errno == Abi.ESUCCESS ? memory().readInt(RESULT) : -1);
    }

    /** Opens {@code path} under the sandbox root for reading, following a final symlink. */
    Opened openForReading(String path) {
        return open(root, Abi.LOOKUP_SYMLINK_FOLLOW, path, 0, Abi.RIGHTS_READ, Abi.FDFLAGS_NONE);
    }

    int mkdir(int dirfd, String path) {
        return errno("path_create_directory", dirfd, STR_A, put(STR_A, path));
    }

    int rmdir(int dirfd, String path) {
        return errno("path_remove_directory", dirfd, STR_A, put(STR_A, path));
    }

    int unlink(int dirfd, String path) {
        return errno("path_unlink_file", dirfd, STR_A, put(STR_A, path));
    }

    int rename(int fromDir, String from, int toDir, String to) {
        return errno("path_rename", fromDir, STR_A, put(STR_A, from), toDir, STR_B, put(STR_B, to));
    }

    int link(int fromDir, int lookupFlags, String from, int toDir, String to) {
        return errno("path_link", fromDir, lookupFlags, STR_A, put(STR_A, from), toDir, STR_B, put(STR_B, to));
    }

    /** {@code path_symlink}: creates {@code path} (under {@code dirfd}) holding the text {@code target}. */
    int symlink(String target, int dirfd, String path) {
        return errno("path_symlink", STR_A, put(STR_A, target), dirfd, STR_B, put(STR_B, path));
    }

    ReadLink readlink(int dirfd, String path, int bufLen) {
        int len = put(STR_A, path);
        zero(DATA, DATA + Math.min(bufLen, DATA_SIZE));
        int errno = errno("path_readlink", dirfd, STR_A, len, DATA, bufLen, RESULT);
        if (errno != Abi.ESUCCESS) {
            return new ReadLink(errno, null);
        }
        int used = memory().readInt(RESULT);
        return new ReadLink(errno, new String(memory().readBytes(DATA, used), UTF_8));
    }

    ReadLink readlink(int dirfd, String path) {
        return readlink(dirfd, path, 4096);
    }

    Stat stat(int dirfd, int lookupFlags, String path) {
        zero(RESULT, RESULT + Abi.FILESTAT_SIZE);
        int errno = errno("path_filestat_get", dirfd, lookupFlags, STR_A, put(STR_A, path), RESULT);
        return new Stat(errno, errno == Abi.ESUCCESS ? filestatAt(RESULT) : null);
    }

    Filestat filestatAt(int address) {
        Memory m = memory();
        return new Filestat(
                m.readLong(address),
                m.readLong(address + 8),
                m.read(address + 16) & 0xFF,
                m.readLong(address + 24),
                m.readLong(address + 32),
                m.readLong(address + 40),
                m.readLong(address + 48),
                m.readLong(address + 56));
    }

    int setTimes(int dirfd, int lookupFlags, String path, long atim, long mtim, int fstFlags) {
        return errno("path_filestat_set_times", dirfd, lookupFlags, STR_A, put(STR_A, path), atim, mtim, fstFlags);
    }

    // ---------------------------------------------------------------- fd_* helpers

    Read read(int fd, int max) {
        int len = Math.min(max, DATA_SIZE);
        zero(DATA, DATA + len);
        putIovec(IOVS, DATA, len);
        int errno = errno("fd_read", fd, IOVS, 1, RESULT);
        if (errno != Abi.ESUCCESS) {
            return new Read(errno, null);
        }
        return new Read(errno, memory().readBytes(DATA, memory().readInt(RESULT)));
    }

    /** Reads from {@code fd} until end of file (at most {@link #DATA_SIZE} bytes per call). */
    Read readAll(int fd) {
        var all = new ByteArrayOutputStream();
        for (int i = 0; i < 64; i++) {
            Read chunk = read(fd, DATA_SIZE);
            if (chunk.errno() != Abi.ESUCCESS) {
                return chunk;
            }
            if (chunk.data().length == 0) {
                break;
            }
            all.writeBytes(chunk.data());
        }
        return new Read(Abi.ESUCCESS, all.toByteArray());
    }

    Written write(int fd, byte[] data) {
        put(DATA, data);
        putIovec(IOVS, DATA, data.length);
        int errno = errno("fd_write", fd, IOVS, 1, RESULT);
        return new Written(errno, errno == Abi.ESUCCESS ? memory().readInt(RESULT) : -1);
    }

    int close(int fd) {
        return errno("fd_close", fd);
    }

    @Override
    public void close() {
        try {
            instance.close();
        } finally {
            wasi.close();
        }
    }
}
