package io.wasmrun.runtime.validate;

import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.WasmEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the function bodies of a code section instruction by instruction, the immediates read as
 * Chicory's parser reads them (by {@link OpCode#signature}) except block types, read as the spec's
 * signed 33-bit integers, and reports the block types that name a type index Chicory misreads
 * ({@link BlockTypeIndices#misread(long)}).
 */
final class CodeScanner {
    private static final int REF = 0x64;
    private static final int REF_NULL = 0x63;

    /** A block type at {@code offset}, {@code length} bytes long, naming type {@code index}. */
    record Site(int offset, int length, int index) {}

    /** A function body: its bytes after the size, from {@code start} to {@code end}. */
    record Body(int start, int end) {}

    private final ByteCursor cursor;
    private final List<Site> sites = new ArrayList<>();
    private final List<Body> bodies = new ArrayList<>();

    private CodeScanner(byte[] binary, int start) {
        this.cursor = new ByteCursor(binary, start);
    }

    /**
     * Scans the code section whose contents start at {@code start}.
     *
     * @throws RuntimeException for bytes Chicory's parser cannot decode either
     */
    static CodeScanner scan(byte[] binary, int start) {
        var scanner = new CodeScanner(binary, start);
        long count = scanner.cursor.u32();
        for (long i = 0; i < count; i++) {
            scanner.body();
        }
        return scanner;
    }

    List<Site> sites() {
        return sites;
    }

    List<Body> bodies() {
        return bodies;
    }

    private void body() {
        long size = cursor.u32();
        int start = cursor.position;
        int end = Math.toIntExact(start + size);
        long groups = cursor.u32();
        for (long i = 0; i < groups; i++) {
            cursor.u32();
            valueType();
        }
        while (cursor.position < end) {
            instruction();
        }
        bodies.add(new Body(start, end));
    }

    private void instruction() {
        int opcode = cursor.u8();
        if (opcode >= 0xfb && opcode < 0xff) {
            opcode = Math.toIntExact((opcode << 8) + cursor.u32());
        }
        OpCode op = OpCode.byOpCode(opcode);
        if (op == null) {
            throw new IllegalArgumentException("illegal opcode " + opcode);
        }
        for (WasmEncoding encoding : OpCode.signature(op)) {
            immediate(encoding);
        }
    }

    private void immediate(WasmEncoding encoding) {
        switch (encoding) {
            case BYTE -> cursor.skip(1);
            case VARUINT, VARSINT32, VARSINT64 -> cursor.leb();
            case FLOAT32 -> cursor.skip(4);
            case FLOAT64 -> cursor.skip(8);
            case V128 -> cursor.skip(16);
            case VEC_VARUINT -> {
                long count = cursor.u32();
                for (long i = 0; i < count; i++) {
                    cursor.leb();
                }
            }
            case VEC_CATCH -> catches();
            case BLOCK_TYPE -> blockType();
            case VEC_VALUE_TYPE -> {
                long count = cursor.u32();
                for (long i = 0; i < count; i++) {
                    valueType();
                }
            }
            case MEMARG -> {
                long flags = cursor.u32();
                if ((flags >> 6) != 0) {
                    cursor.leb();
                }
                cursor.leb();
            }
        }
    }

    /** A try_table's catch clauses: kind, tag for catch and catch_ref, label. */
    private void catches() {
        long count = cursor.u32();
        for (long i = 0; i < count; i++) {
            int kind = cursor.u8();
            if (kind == 0x00 || kind == 0x01) {
                cursor.leb();
            }
            cursor.leb();
        }
    }

    private void blockType() {
        int offset = cursor.position;
        long value = cursor.s33();
        if (value >= 0) {
            if (BlockTypeIndices.misread(value)) {
                sites.add(new Site(offset, cursor.position - offset, (int) value));
            }
        } else if (value == REF - 0x80 || value == REF_NULL - 0x80) {
            cursor.leb();
        }
    }

    private void valueType() {
        int opcode = Math.toIntExact(cursor.u32());
        if (opcode == REF || opcode == REF_NULL) {
            cursor.leb();
        }
    }
}
