package io.wasmrun.wast;

import com.dylibso.chicory.wasm.WasmWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The binaries of the {@code spectest} module that the reference interpreter provides to every
 * script: a funcref table of 10 to 20 elements, a memory of 1 to 2 pages, the immutable globals
 * {@code global_i32} and {@code global_i64} (666) and {@code global_f32} and {@code global_f64}
 * (666.6), all exported under those names; and, separately, a shared memory of 1 to 2 pages
 * exported as {@code shared_memory} (threads proposal). Being real modules, their memories and
 * tables come from the runtime's instance allocator like any other.
 */
final class SpectestModule {
    private static final int TABLE_SECTION = 4;
    private static final int MEMORY_SECTION = 5;
    private static final int GLOBAL_SECTION = 6;
    private static final int EXPORT_SECTION = 7;
    private static final int FUNCREF = 0x70;
    private static final int EXPORT_TABLE = 1;
    private static final int EXPORT_MEMORY = 2;
    private static final int EXPORT_GLOBAL = 3;

    private SpectestModule() {}

    /** The table, memory and globals. */
    static byte[] main() {
        var writer = new WasmWriter();
        writer.writeSection(TABLE_SECTION, vector(1, bytes(FUNCREF, 0x01, 10, 20)));
        writer.writeSection(MEMORY_SECTION, vector(1, bytes(0x01, 1, 2)));
        var globals = new ByteArrayOutputStream();
        globals.writeBytes(bytes(0x7F, 0x00, 0x41, 0x9A, 0x05, 0x0B));
        globals.writeBytes(bytes(0x7E, 0x00, 0x42, 0x9A, 0x05, 0x0B));
        globals.writeBytes(bytes(0x7D, 0x00, 0x43));
        globals.writeBytes(littleEndian(Float.floatToRawIntBits(666.6f), 4));
        globals.write(0x0B);
        globals.writeBytes(bytes(0x7C, 0x00, 0x44));
        globals.writeBytes(littleEndian(Double.doubleToRawLongBits(666.6), 8));
        globals.write(0x0B);
        writer.writeSection(GLOBAL_SECTION, vector(4, globals.toByteArray()));
        var exports = new ByteArrayOutputStream();
        export(exports, "global_i32", EXPORT_GLOBAL, 0);
        export(exports, "global_i64", EXPORT_GLOBAL, 1);
        export(exports, "global_f32", EXPORT_GLOBAL, 2);
        export(exports, "global_f64", EXPORT_GLOBAL, 3);
        export(exports, "table", EXPORT_TABLE, 0);
        export(exports, "memory", EXPORT_MEMORY, 0);
        writer.writeSection(EXPORT_SECTION, vector(6, exports.toByteArray()));
        return writer.bytes();
    }

    /** The shared memory alone. */
    static byte[] sharedMemory() {
        var writer = new WasmWriter();
        writer.writeSection(MEMORY_SECTION, vector(1, bytes(0x03, 1, 2)));
        var exports = new ByteArrayOutputStream();
        export(exports, "shared_memory", EXPORT_MEMORY, 0);
        writer.writeSection(EXPORT_SECTION, vector(1, exports.toByteArray()));
        return writer.bytes();
    }

    private static void export(ByteArrayOutputStream out, String name, int kind, int index) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        WasmWriter.writeVarUInt32(out, utf8.length);
        out.writeBytes(utf8);
        out.write(kind);
        WasmWriter.writeVarUInt32(out, index);
    }

    private static byte[] vector(int count, byte[] contents) {
        var out = new ByteArrayOutputStream();
        WasmWriter.writeVarUInt32(out, count);
        out.writeBytes(contents);
        return out.toByteArray();
    }

    private static byte[] littleEndian(long value, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        byte[] result = new byte[size];
        System.arraycopy(buffer.array(), 0, result, 0, size);
        return result;
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
