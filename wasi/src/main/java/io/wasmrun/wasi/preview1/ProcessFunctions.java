package io.wasmrun.wasi.preview1;

import static io.wasmrun.wasi.preview1.Signature.function;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.wasi.Errno;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.WasiExitException;
import io.wasmrun.wasi.guest.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything else preview1 has but files and sockets: argv and environment, clocks,
 * randomness, {@code proc_exit}, {@code proc_raise} and {@code sched_yield}.
 */
final class ProcessFunctions {
    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;
    private static final int RANDOM_CHUNK = 64 * 1024;

    private final WasiContext wasi;
    private final byte[][] args;
    private final byte[][] env;
    private SecureRandom random;

    ProcessFunctions(WasiContext wasi) {
        this.wasi = wasi;
        this.args = encode(wasi.options.args());
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : wasi.options.env().entrySet()) {
            pairs.add(e.getKey() + "=" + e.getValue());
        }
        this.env = encode(pairs);
    }

    List<HostFunction> functions() {
        return List.of(
                function("args_sizes_get", "ii", (m, a) -> sizes(m, args, (int) a[0], (int) a[1])),
                function("args_get", "ii", (m, a) -> strings(m, args, (int) a[0], (int) a[1])),
                function("environ_sizes_get", "ii", (m, a) -> sizes(m, env, (int) a[0], (int) a[1])),
                function("environ_get", "ii", (m, a) -> strings(m, env, (int) a[0], (int) a[1])),
                function("clock_res_get", "ii", (m, a) -> {
                    int out = m.check((int) a[1], 8, 8);
                    m.writeI64(out, resolution((int) a[0]));
                    return Errno.SUCCESS;
                }),
                function("clock_time_get", "iIi", (m, a) -> {
                    int out = m.check((int) a[2], 8, 8);
                    m.writeI64(out, now((int) a[0]));
                    return Errno.SUCCESS;
                }),
                function("random_get", "ii", (m, a) -> random(m, (int) a[0], (int) a[1])),
                function("sched_yield", "", (m, a) -> {
                    Thread.yield();
                    return Errno.SUCCESS;
                }),
                function("proc_raise", "i", (m, a) -> Errno.NOSYS),
                new HostFunction(
                        WasiPreview1.MODULE,
                        "proc_exit",
                        FunctionType.of(Signature.types("i"), List.of()),
                        (instance, a) -> {
                            throw new WasiExitException((int) a[0]);
                        }));
    }

    private static byte[][] encode(List<String> strings) {
        byte[][] encoded = new byte[strings.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }

    private static long bufferSize(byte[][] strings) {
        long size = 0;
        for (byte[] s : strings) {
            size += s.length + 1;
        }
        return size;
    }

    private static int sizes(GuestMemory m, byte[][] strings, int countAddress, int sizeAddress) {
        m.check(countAddress, 4, 4);
        m.check(sizeAddress, 4, 4);
        m.writeI32(countAddress, strings.length);
        m.writeI32(sizeAddress, (int) bufferSize(strings));
        return Errno.SUCCESS;
    }

    /** {@code args_get} / {@code environ_get}: pointers at {@code table}, NUL-ended bytes at {@code buffer}. */
    private static int strings(GuestMemory m, byte[][] strings, int table, int buffer) {
        m.check(table, 4L * strings.length, 4);
        m.check(buffer, bufferSize(strings));
        int at = buffer;
        for (int i = 0; i < strings.length; i++) {
            m.writeI32(table + 4 * i, at);
            m.write(at, strings[i]);
            m.writeByte(at + strings[i].length, (byte) 0);
            at += strings[i].length + 1;
        }
        return Errno.SUCCESS;
    }

    static long resolution(int clock) {
        return switch (clock) {
            case CLOCK_REALTIME, CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> 1_000L;
            case CLOCK_MONOTONIC -> 1L;
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    /** The time on {@code clock} in nanoseconds. */
    static long now(int clock) {
        return switch (clock) {
            case CLOCK_REALTIME -> {
                java.time.Instant t = java.time.Instant.now();
                yield t.getEpochSecond() * 1_000_000_000L + t.getNano();
            }
            case CLOCK_MONOTONIC -> System.nanoTime();
            case CLOCK_PROCESS_CPUTIME ->
                    ((com.sun.management.OperatingSystemMXBean)
                                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime();
            case CLOCK_THREAD_CPUTIME ->
                    java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    private int random(GuestMemory m, int address, int length) {
        long total = Integer.toUnsignedLong(length);
        m.check(address, total);
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] chunk = new byte[(int) Math.min(total, RANDOM_CHUNK)];
        for (long done = 0; done < total; done += chunk.length) {
            int n = (int) Math.min(chunk.length, total - done);
            random.nextBytes(chunk);
            m.write(address + (int) done, chunk, 0, n);
        }
        return Errno.SUCCESS;
    }
}
