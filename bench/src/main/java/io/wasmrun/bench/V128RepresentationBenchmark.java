package io.wasmrun.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How to hold a v128 on the JVM, measured on the kernel autovectorised C loops are made of
 * ({@code y[i] += a * x[i]} over 4,096 floats, 16 bytes at a time):
 *
 * <ul>
 *   <li>{@code scalar}: one float at a time, what the scalar build runs;
 *   <li>{@code halves}: each v128 as two longs, lanes taken out and put back with shifts and
 *       {@code Float.intBitsToFloat}, what wasmrun's lowering compiles to
 *       ({@code io.wasmrun.runtime.simd});
 *   <li>{@code vectorApi}: {@code jdk.incubator.vector}'s 128-bit {@code FloatVector}, what
 *       generating SIMD classes ourselves could call (it needs {@code --add-modules} and prints a
 *       warning when the JVM starts).
 * </ul>
 *
 * <p>Each also runs on an off-heap {@code MemorySegment} with unaligned accesses at computed
 * offsets ({@code *Memory}), as wasmrun's linear memories are.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar
 * V128RepresentationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class V128RepresentationBenchmark {
    private static final int FLOATS = 4096;
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_128;

    private final float[] x = new float[FLOATS];
    private final float[] y = new float[FLOATS];
    private final long[] xHalves = new long[FLOATS / 2];
    private final long[] yHalves = new long[FLOATS / 2];
    private final float a = 0.999f;
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    private MemorySegment memory;
    private long xAt;
    private long yAt;

    @Setup
    public void fill() {
        for (int i = 0; i < FLOATS; i++) {
            x[i] = (i % 17) * 0.25f;
            y[i] = (i % 13) * 0.5f;
        }
        for (int i = 0; i < FLOATS / 2; i++) {
            xHalves[i] = pack(x[2 * i], x[2 * i + 1]);
            yHalves[i] = pack(y[2 * i], y[2 * i + 1]);
        }
        memory = Arena.ofAuto().allocate(2L * FLOATS * 4 + 64);
        xAt = 4;
        yAt = xAt + FLOATS * 4L + 4;
        for (int i = 0; i < FLOATS; i++) {
            memory.set(F32, xAt + 4L * i, x[i]);
            memory.set(F32, yAt + 4L * i, y[i]);
        }
    }

    @Benchmark
    public MemorySegment scalarMemory() {
        for (int i = 0; i < FLOATS; i++) {
            long at = 4L * i;
            memory.set(F32, yAt + at, memory.get(F32, yAt + at) + a * memory.get(F32, xAt + at));
        }
        return memory;
    }

    @Benchmark
    public MemorySegment halvesMemory() {
        for (int i = 0; i < FLOATS / 2; i++) {
            long at = 8L * i;
            long xs = memory.get(I64, xAt + at);
            long ys = memory.get(I64, yAt + at);
            float y0 = Float.intBitsToFloat((int) ys) + a * Float.intBitsToFloat((int) xs);
            float y1 = Float.intBitsToFloat((int) (ys >>> 32)) + a * Float.intBitsToFloat((int) (xs >>> 32));
            memory.set(I64, yAt + at, pack(y0, y1));
        }
        return memory;
    }

    @Benchmark
    public MemorySegment vectorApiMemory() {
        for (int i = 0; i < FLOATS; i += 4) {
            long at = 4L * i;
            FloatVector.fromMemorySegment(SPECIES, memory, xAt + at, ByteOrder.LITTLE_ENDIAN)
                    .mul(a)
                    .add(FloatVector.fromMemorySegment(SPECIES, memory, yAt + at, ByteOrder.LITTLE_ENDIAN))
                    .intoMemorySegment(memory, yAt + at, ByteOrder.LITTLE_ENDIAN);
        }
        return memory;
    }

    @Benchmark
    public float[] scalar() {
        for (int i = 0; i < FLOATS; i++) {
            y[i] += a * x[i];
        }
        return y;
    }

    @Benchmark
    public long[] halves() {
        for (int i = 0; i < FLOATS / 2; i += 2) {
            for (int h = 0; h < 2; h++) {
                long xs = xHalves[i + h];
                long ys = yHalves[i + h];
                float y0 = Float.intBitsToFloat((int) ys) + a * Float.intBitsToFloat((int) xs);
                float y1 = Float.intBitsToFloat((int) (ys >>> 32)) + a * Float.intBitsToFloat((int) (xs >>> 32));
                yHalves[i + h] = pack(y0, y1);
            }
        }
        return yHalves;
    }

    @Benchmark
    public float[] vectorApi() {
        for (int i = 0; i < FLOATS; i += 4) {
            FloatVector.fromArray(SPECIES, x, i).mul(a).add(FloatVector.fromArray(SPECIES, y, i)).intoArray(y, i);
        }
        return y;
    }

    private static long pack(float low, float high) {
        return (Float.floatToRawIntBits(low) & 0xffff_ffffL) | ((long) Float.floatToRawIntBits(high) << 32);
    }
}
