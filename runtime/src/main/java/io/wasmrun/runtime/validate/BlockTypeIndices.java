package io.wasmrun.runtime.validate;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.TreeMap;

/**
 * Works around Chicory 1.7.5's reading of block types. Its parser reads the immediate of {@code
 * block}, {@code loop}, {@code if} and {@code try_table} as an unsigned LEB128 and compares it with
 * value-type opcodes, so a type index that equals one is misread: 64 ({@code 0xc0 0x00}) as the
 * empty block type {@code 0x40}, 127 as {@code i32}, 99 and 100 as {@code (ref null ...)} and
 * {@code (ref ...)} (which then read a heap type from the next instruction), and so on for every
 * value type from 0x63 to 0x7f. The validator then rejects the valid body ("type mismatch,
 * mismatching stack height") or, worse, accepts it with the wrong block type.
 *
 * <p>Such a module is rewritten before Chicory sees it: the type section gets a copy of each
 * misread type at an index Chicory reads right (after filler {@code (func)} types where the next
 * index would be misread too), and the block types name the copy. Function types are equal by
 * structure, so this changes neither validity nor behaviour. Only a module of more than 64 types
 * can need it, and only one that does is decoded twice; the others pay one comparison, plus a walk
 * over the decoded instructions for a module of more than 64 types (the raw bytes of its block
 * types tell an index from a value type), and a failed decoding a scan of the code section.
 */
public final class BlockTypeIndices {
    private static final int TYPE_SECTION = 1;
    private static final int CODE_SECTION = 10;
    private static final int FUNC = 0x60;
    private static final int EMPTY = 0x40;
    private static final byte[] FILLER = {FUNC, 0, 0};

    private BlockTypeIndices() {}

    /**
     * Chicory's decoding of {@code binary}, rewritten first if Chicory would misread one of its
     * block types.
     */
    public static WasmModule parse(byte[] binary) {
        return decode(binary).module();
    }

    /** A decoded module and the bytes Chicory decoded it from (its instruction addresses point into them). */
    public record Decoded(byte[] bytes, WasmModule module) {}

    /** Like {@link #parse}, with the bytes Chicory read: {@code binary} or its rewriting. */
    public static Decoded decode(byte[] binary) {
        WasmModule module;
        try {
            module = Parser.parse(binary);
        } catch (RuntimeException e) {
            byte[] rewritten = rewrite(binary);
            if (rewritten == null) {
                throw e;
            }
            return new Decoded(rewritten, Parser.parse(rewritten));
        }
        if (misreadIn(binary, module)) {
            byte[] rewritten = rewrite(binary);
            if (rewritten != null) {
                return new Decoded(rewritten, Parser.parse(rewritten));
            }
        }
        return new Decoded(binary, module);
    }

    /** Whether Chicory reads type index {@code index} in a block type as something else. */
    static boolean misread(long index) {
        return index == EMPTY || (index < 0x80 && ValType.ID.isValidOpcode((int) index));
    }

    /** Whether a block type of {@code module}, as decoded from {@code binary}, is a misread index. */
    private static boolean misreadIn(byte[] binary, WasmModule module) {
        if (module.typeSection().subTypeCount() <= EMPTY) {
            return false;
        }
        var code = module.codeSection();
        for (int i = 0; i < code.functionBodyCount(); i++) {
            for (var instruction : code.getFunctionBody(i).instructions()) {
                OpCode op = instruction.opcode();
                if ((op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.IF || op == OpCode.TRY_TABLE)
                        && (binary[instruction.address() + 1] & 0x80) != 0
                        && misread(new ByteCursor(binary, instruction.address() + 1).s33())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code binary} with every misread block type naming a copy of its type, or null when none is
     * misread or the bytes are not understood (more than function types, sections that do not
     * decode): Chicory then says what it says about the original.
     */
    static byte[] rewrite(byte[] binary) {
        try {
            var sections = Sections.of(binary);
            if (sections == null) {
                return null;
            }
            var types = TypeEntries.of(binary, sections.typeStart(), sections.typeEnd());
            if (types == null) {
                return null;
            }
            var scan = CodeScanner.scan(binary, sections.codeStart());
            if (scan.sites().isEmpty()) {
                return null;
            }
            return rebuild(binary, sections, types, scan);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] rebuild(byte[] binary, Sections sections, TypeEntries types, CodeScanner scan) {
        var copies = new TreeMap<Integer, Integer>();
        var typeSection = new ByteArrayOutputStream();
        typeSection.write(binary, types.entriesStart(), sections.typeEnd() - types.entriesStart());
        int next = types.count();
        for (var site : scan.sites()) {
            if (!copies.containsKey(site.index()) && site.index() < types.count()) {
                while (misread(next)) {
                    typeSection.write(FILLER, 0, FILLER.length);
                    next++;
                }
                typeSection.write(binary, types.start(site.index()), types.length(site.index()));
                copies.put(site.index(), next++);
            }
        }
        if (copies.isEmpty()) {
            return null; // unknown type indices: Chicory rejects them as they are
        }
        var out = new ByteArrayOutputStream(binary.length + typeSection.size() + 16);
        out.write(binary, 0, sections.typeHeader());
        section(out, TYPE_SECTION, next, typeSection.toByteArray());
        out.write(binary, sections.typeEnd(), sections.codeHeader() - sections.typeEnd());
        section(out, CODE_SECTION, scan.bodies().size(), bodies(binary, scan.bodies(), scan.sites(), copies));
        out.write(binary, sections.codeEnd(), binary.length - sections.codeEnd());
        return out.toByteArray();
    }

    /** The code section's bodies, each block type of {@code sites} naming its copy. */
    private static byte[] bodies(
            byte[] binary, List<CodeScanner.Body> bodies, List<CodeScanner.Site> sites, TreeMap<Integer, Integer> copies) {
        var out = new ByteArrayOutputStream(binary.length);
        int site = 0;
        for (var body : bodies) {
            var bytes = new ByteArrayOutputStream(body.end() - body.start());
            int at = body.start();
            for (; site < sites.size() && sites.get(site).offset() < body.end(); site++) {
                var s = sites.get(site);
                bytes.write(binary, at, s.offset() - at);
                Integer copy = copies.get(s.index());
                if (copy == null) {
                    bytes.write(binary, s.offset(), s.length());
                } else {
                    Leb.signed(bytes, copy, s.length());
                }
                at = s.offset() + s.length();
            }
            bytes.write(binary, at, body.end() - at);
            Leb.unsigned(out, bytes.size());
            out.writeBytes(bytes.toByteArray());
        }
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, int id, int count, byte[] contents) {
        var body = new ByteArrayOutputStream(contents.length + 5);
        Leb.unsigned(body, count);
        body.write(contents, 0, contents.length);
        out.write(id);
        Leb.unsigned(out, body.size());
        out.writeBytes(body.toByteArray());
    }
}
