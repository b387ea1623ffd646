package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.runtime.validate.ByteCursor;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites a validated module that uses SIMD into one that does not, so that both of Chicory's
 * engines run it: every v128 becomes two i64 halves wherever it lives (operand stack, locals,
 * globals, parameters, results, block types) and every SIMD instruction becomes scalar code on the
 * halves. See the package documentation for the layout and what it costs.
 */
public final class SimdLowering {
    /** Appended to the name of an exported v128 global to name the export of its high half. */
    public static final String HIGH_HALF_SUFFIX = "\0wasmrun:v128-high";

    private static final int TYPE = 1;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int GLOBAL = 6;
    private static final int EXPORT = 7;
    private static final int ELEMENT = 9;
    private static final int CODE = 10;
    private static final int DATA = 11;

    private final byte[] binary;
    private final WasmModule module;
    private final IndexMap globals;
    /** The module's type count: the index of the type {@code [] -> [i64 i64]} for v128 blocks. */
    private final int vectorBlockType;
    private final Helpers helpers;

    private SimdLowering(byte[] binary, WasmModule module) {
        this.binary = binary;
        this.module = module;
        this.globals = IndexMap.of(vectorGlobals(module));
        this.vectorBlockType = module.typeSection().typeCount();
        int functions = module.importSection().count(ExternalType.FUNCTION) + module.functionSection().functionCount();
        this.helpers = new Helpers(vectorBlockType + 1, functions);
    }

    /**
     * The lowered bytes of {@code binary}, which Chicory decoded and validated into {@code
     * module}; null when the module uses no SIMD.
     *
     * @throws UnsupportedOperationException for a SIMD module that uses what the lowering does not
     *     handle (garbage-collected types)
     */
    public static byte[] lower(byte[] binary, WasmModule module) {
        if (!SimdUse.uses(module)) {
            return null;
        }
        return new SimdLowering(binary, module).rewrite();
    }

    /** Lowers the code first (it decides which {@link Helpers} exist), then writes every section. */
    private byte[] rewrite() {
        byte[] code = null;
        var cursor = new ByteCursor(binary, 8);
        while (cursor.position() < binary.length) {
            int id = cursor.u8();
            int size = Math.toIntExact(cursor.u32());
            if (id == CODE) {
                code = code(cursor.position());
            }
            cursor.skip(size);
        }
        var out = new Code(binary.length + binary.length / 2);
        out.bytes(binary, 0, 8);
        cursor.seek(8);
        while (cursor.position() < binary.length) {
            int id = cursor.u8();
            int size = Math.toIntExact(cursor.u32());
            int start = cursor.position();
            int end = start + size;
            byte[] contents = switch (id) {
                case TYPE -> types(start, end);
                case IMPORT -> imports(start);
                case FUNCTION -> functions(start, end);
                case GLOBAL -> definedGlobals(start);
                case EXPORT -> exports(start);
                case ELEMENT -> globals.moves() ? elements(start) : null;
                case CODE -> code;
                case DATA -> globals.moves() ? data(start) : null;
                default -> null;
            };
            out.op(id);
            if (contents == null) {
                out.unsigned(size).bytes(binary, start, end);
            } else {
                out.unsigned(contents.length).bytes(contents);
            }
            cursor.seek(end);
        }
        return out.toBytes();
    }

    private static boolean[] vectorGlobals(WasmModule module) {
        var imports = module.importSection();
        int imported = imports.count(ExternalType.GLOBAL);
        var defined = module.globalSection().globals();
        boolean[] vector = new boolean[imported + defined.length];
        int g = 0;
        for (int i = 0; i < imports.importCount(); i++) {
            if (imports.getImport(i) instanceof GlobalImport global) {
                vector[g++] = global.type().opcode() == ValType.ID.V128;
            }
        }
        for (var global : defined) {
            vector[g++] = global.valueType().opcode() == ValType.ID.V128;
        }
        return vector;
    }

    /**
     * Function types with each v128 as two i64, then {@code [] -> [i64 i64]} for v128 block types
     * and the helpers' {@code (i64 i64 i64) -> i64}.
     */
    private byte[] types(int start, int end) {
        var cursor = new ByteCursor(binary, start);
        long count = cursor.u32();
        var out = new Code(end - start + 16);
        out.unsigned(count + 2);
        for (long i = 0; i < count; i++) {
            int form = cursor.u8();
            if (form != 0x60) {
                throw new UnsupportedOperationException("SIMD together with garbage-collected types");
            }
            out.op(form);
            valueTypes(cursor, out);
            valueTypes(cursor, out);
        }
        if (count != vectorBlockType) {
            throw new UnsupportedOperationException("SIMD together with recursive type groups");
        }
        out.op(0x60).unsigned(0).unsigned(2).op(Op.TYPE_I64).op(Op.TYPE_I64);
        out.op(0x60).unsigned(3).op(Op.TYPE_I64).op(Op.TYPE_I64).op(Op.TYPE_I64).unsigned(1).op(Op.TYPE_I64);
        return out.toBytes();
    }

    /** The function section with the helpers' types appended. */
    private byte[] functions(int start, int end) {
        var cursor = new ByteCursor(binary, start);
        long count = cursor.u32();
        var out = new Code(end - start + 8).unsigned(count + helpers.bodies().size());
        out.bytes(binary, cursor.position(), end);
        for (int i = 0; i < helpers.bodies().size(); i++) {
            out.unsigned(helpers.type());
        }
        return out.toBytes();
    }

    private void valueTypes(ByteCursor cursor, Code out) {
        long count = cursor.u32();
        var types = new Code(16);
        long lowered = 0;
        for (long i = 0; i < count; i++) {
            int start = cursor.position();
            int type = valueType(cursor);
            if (type == Op.TYPE_V128) {
                types.op(Op.TYPE_I64).op(Op.TYPE_I64);
                lowered += 2;
            } else {
                types.bytes(binary, start, cursor.position());
                lowered++;
            }
        }
        out.unsigned(lowered).bytes(types.toBytes());
    }

    /** Reads a value type, returning its first byte. */
    private static int valueType(ByteCursor cursor) {
        int type = cursor.u8();
        if (type == 0x63 || type == 0x64) {
            cursor.s33();
        }
        return type;
    }

    /** Rewrites a section that is a vector of entries, each by {@code entry}, which returns how many it wrote. */
    private static byte[] entries(byte[] binary, int start, java.util.function.ToIntBiFunction<ByteCursor, Code> entry) {
        var cursor = new ByteCursor(binary, start);
        long count = cursor.u32();
        var entries = new Code(256);
        long lowered = 0;
        for (long i = 0; i < count; i++) {
            lowered += entry.applyAsInt(cursor, entries);
        }
        return new Code(entries.size() + 5).unsigned(lowered).bytes(entries.toBytes()).toBytes();
    }

    /** Imports with each v128 global as the import of its two halves. */
    private byte[] imports(int start) {
        return entries(binary, start, this::importEntry);
    }

    private int importEntry(ByteCursor cursor, Code entries) {
        int entry = cursor.position();
        skipName(cursor);
        int nameStart = cursor.position();
        skipName(cursor);
        int kind = cursor.u8();
        switch (kind) {
            case 0 -> cursor.u32();
            case 1 -> {
                valueType(cursor);
                limits(cursor);
            }
            case 2 -> limits(cursor);
            case 3 -> {
                int type = valueType(cursor);
                int mutability = cursor.u8();
                if (type == Op.TYPE_V128) {
                    byte[] name = name(nameStart);
                    entries.bytes(binary, entry, nameStart).name(name).op(3).op(Op.TYPE_I64).op(mutability);
                    entries.bytes(binary, entry, nameStart).name(highName(name)).op(3).op(Op.TYPE_I64).op(mutability);
                    return 2;
                }
            }
            case 4 -> {
                cursor.u8();
                cursor.u32();
            }
            default -> throw new UnsupportedOperationException("import kind " + kind);
        }
        entries.bytes(binary, entry, cursor.position());
        return 1;
    }

    private static void limits(ByteCursor cursor) {
        int flags = cursor.u8();
        cursor.leb();
        if ((flags & 1) != 0) {
            cursor.leb();
        }
        if ((flags & 8) != 0) {
            cursor.leb();
        }
    }

    private static void skipName(ByteCursor cursor) {
        long length = cursor.u32();
        cursor.skip(Math.toIntExact(length));
    }

    private byte[] name(int at) {
        var cursor = new ByteCursor(binary, at);
        int length = Math.toIntExact(cursor.u32());
        byte[] name = new byte[length];
        System.arraycopy(binary, cursor.position(), name, 0, length);
        return name;
    }

    private static byte[] highName(byte[] name) {
        return (new String(name, StandardCharsets.UTF_8) + HIGH_HALF_SUFFIX).getBytes(StandardCharsets.UTF_8);
    }

    /** Defined globals, each v128 as two i64 globals initialised with its halves. */
    private byte[] definedGlobals(int start) {
        return entries(binary, start, (cursor, entries) -> {
            int type = cursor.position();
            valueType(cursor);
            int mutability = cursor.u8();
            if ((binary[type] & 0xff) == Op.TYPE_V128) {
                var halves = ConstantExpressions.vectorHalves(binary, cursor, globals);
                entries.op(Op.TYPE_I64).op(mutability).bytes(halves[0]);
                entries.op(Op.TYPE_I64).op(mutability).bytes(halves[1]);
                return 2;
            }
            entries.bytes(binary, type, cursor.position());
            entries.bytes(ConstantExpressions.renumbered(binary, cursor, globals));
            return 1;
        });
    }

    /** Exports with global indices renumbered, and an export of each exported v128 global's high half. */
    private byte[] exports(int start) {
        return entries(binary, start, (cursor, entries) -> {
            int entry = cursor.position();
            skipName(cursor);
            int kind = cursor.u8();
            long index = cursor.u32();
            if (kind != 3) {
                entries.bytes(binary, entry, cursor.position());
                return 1;
            }
            byte[] name = name(entry);
            entries.name(name).op(3).unsigned(globals.lowered(index));
            if (globals.isVector(index)) {
                entries.name(highName(name)).op(3).unsigned(globals.lowered(index) + 1);
                return 2;
            }
            return 1;
        });
    }

    /** Element segments with global indices in their expressions renumbered. */
    private byte[] elements(int start) {
        return entries(binary, start, (cursor, out) -> {
            int flagsAt = cursor.position();
            long flags = cursor.u32();
            out.bytes(binary, flagsAt, cursor.position());
            if ((flags & 2) != 0 && (flags & 1) == 0) {
                int at = cursor.position();
                cursor.u32();
                out.bytes(binary, at, cursor.position());
            }
            if ((flags & 1) == 0) {
                out.bytes(ConstantExpressions.renumbered(binary, cursor, globals));
            }
            boolean expressions = (flags & 4) != 0;
            if ((flags & 3) != 0) {
                int at = cursor.position();
                if (expressions) {
                    valueType(cursor);
                } else {
                    cursor.u8();
                }
                out.bytes(binary, at, cursor.position());
            }
            long items = cursor.u32();
            out.unsigned(items);
            for (long j = 0; j < items; j++) {
                if (expressions) {
                    out.bytes(ConstantExpressions.renumbered(binary, cursor, globals));
                } else {
                    int at = cursor.position();
                    cursor.u32();
                    out.bytes(binary, at, cursor.position());
                }
            }
            return 1;
        });
    }

    /** Data segments with global indices in their offsets renumbered. */
    private byte[] data(int start) {
        return entries(binary, start, (cursor, out) -> {
            int flagsAt = cursor.position();
            long flags = cursor.u32();
            if (flags == 2) {
                cursor.u32();
            }
            out.bytes(binary, flagsAt, cursor.position());
            if (flags != 1) {
                out.bytes(ConstantExpressions.renumbered(binary, cursor, globals));
            }
            int at = cursor.position();
            long length = cursor.u32();
            cursor.skip(Math.toIntExact(length));
            out.bytes(binary, at, cursor.position());
            return 1;
        });
    }

    /** Every body lowered. */
    private byte[] code(int start) {
        var cursor = new ByteCursor(binary, start);
        long count = cursor.u32();
        var bodies = new Code(binary.length);
        var lowering = new BodyLowering(binary, globals, vectorBlockType, helpers);
        var types = module.typeSection();
        for (int i = 0; i < count; i++) {
            int size = Math.toIntExact(cursor.u32());
            int bodyStart = cursor.position();
            FunctionBody body = module.codeSection().getFunctionBody(i);
            var params = types.getType(module.functionSection().getFunctionType(i)).params();
            byte[] lowered = lowering.lower(bodyStart, bodyStart + size, params, body.localTypes(), body.instructions());
            bodies.unsigned(lowered.length).bytes(lowered);
            cursor.seek(bodyStart + size);
        }
        for (byte[] helper : helpers.bodies()) {
            bodies.unsigned(helper.length).bytes(helper);
        }
        return new Code(bodies.size() + 5).unsigned(count + helpers.bodies().size()).bytes(bodies.toBytes()).toBytes();
    }
}
