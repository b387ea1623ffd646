package io.wasmrun.text.parser;

import io.wasmrun.text.encoder.ByteWriter;
import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the fields of one text module and encodes the binary module.
 *
 * <p>Three passes run over the fields: the first declares every name in its index space (so
 * fields may refer forward) and checks that imports come first; the second parses explicit type
 * definitions; the third encodes all other fields in order, which also fixes the order in which
 * implicit function types are appended to the type section.
 */
public final class ModuleParser {
    private final TokenStream ts;
    private final ModuleScope scope;
    private final Section imports = new Section(2);
    private final Section functions = new Section(3);
    private final Section tables = new Section(4);
    private final Section memories = new Section(5);
    private final Section tags = new Section(13);
    private final Section globals = new Section(6);
    private final Section exports = new Section(7);
    private final Section elems = new Section(9);
    private final Section codes = new Section(10);
    private final Section datas = new Section(11);
    private long start = -1;
    private int funcIndex;
    private int tableIndex;
    private int memoryIndex;
    private int globalIndex;
    private int tagIndex;

    /** Accumulates the entries of one section. */
    private static final class Section {
        final int id;
        final ByteWriter body = new ByteWriter();
        int count;

        Section(int id) {
            this.id = id;
        }

        ByteWriter add() {
            count++;
            return body;
        }

        void writeTo(ByteWriter out) {
            if (count > 0) {
                ByteWriter content = new ByteWriter(body.size() + 5);
                content.u32(count).append(body);
                out.u8(id).sized(content);
            }
        }
    }

    private ModuleParser(TokenStream ts) {
        this.ts = ts;
        this.scope = new ModuleScope(ts);
    }

    /**
     * Encodes the module fields under the cursor, stopping at the closing parenthesis (not
     * consumed) or end of input.
     */
    public static byte[] parseFields(TokenStream ts) {
        return new ModuleParser(ts).run();
    }

    private byte[] run() {
        int begin = ts.position();
        declare();
        int end = ts.position();
        ts.seek(begin);
        defineTypes();
        scope.explicitTypes = scope.typeDefs.size();
        ts.seek(begin);
        while (ts.at(TokenKind.LPAREN)) {
            field();
        }
        ts.seek(end);
        return assemble();
    }

    // ---- pass 1: names ----

    private void declare() {
        boolean sawDefinition = false;
        while (ts.at(TokenKind.LPAREN)) {
            int fieldStart = ts.position();
            Token open = ts.peek();
            String kw = ts.listKeyword();
            if (kw == null) {
                throw ts.unexpected(ts.peek(1), "a module field");
            }
            ts.next();
            ts.next();
            switch (kw) {
                case "type" -> scope.types.declare(ts.optId(), ts);
                case "rec" -> {
                    while (ts.atList("type")) {
                        int typeStart = ts.position();
                        ts.next();
                        ts.next();
                        scope.types.declare(ts.optId(), ts);
                        ts.seek(typeStart);
                        ts.skipList();
                    }
                }
                case "func", "table", "memory", "global", "tag" -> {
                    space(kw).declare(ts.optId(), ts);
                    while (ts.atList("export")) {
                        ts.skipList();
                    }
                    boolean imported = ts.atList("import");
                    if (imported) {
                        if (sawDefinition) {
                            throw ts.error(open, "import after " + kw + " definition");
                        }
                        ts.skipList();
                    }
                    if (!imported) {
                        sawDefinition = true;
                        declareInlineSegments(kw);
                    }
                }
                case "import" -> {
                    ts.expect(TokenKind.STRING, "a module name");
                    ts.expect(TokenKind.STRING, "an import name");
                    String kind = ts.listKeyword();
                    if (kind == null || !isImportKind(kind)) {
                        throw ts.unexpected(ts.peek(ts.at(TokenKind.LPAREN) ? 1 : 0), "an import description");
                    }
                    if (sawDefinition) {
                        throw ts.error(open, "import after definition");
                    }
                    ts.next();
                    ts.next();
                    space(kind).declare(ts.optId(), ts);
                }
                case "elem" -> scope.elems.declare(ts.optId(), ts);
                case "data" -> scope.datas.declare(ts.optId(), ts);
                case "export", "start" -> {}
                default -> throw ts.error(open, "unknown module field " + kw);
            }
            ts.seek(fieldStart);
            ts.skipList();
        }
        if (!ts.at(TokenKind.RPAREN) && !ts.at(TokenKind.EOF)) {
            throw ts.unexpected(ts.peek(), "a module field");
        }
    }

    private static boolean isImportKind(String kind) {
        return switch (kind) {
            case "func", "table", "memory", "global", "tag" -> true;
            default -> false;
        };
    }

    /** Inline {@code (elem ...)} in a table and {@code (data ...)} in a memory create segments. */
    private void declareInlineSegments(String kw) {
        if (!kw.equals("table") && !kw.equals("memory")) {
            return;
        }
        while (!ts.at(TokenKind.RPAREN) && !ts.at(TokenKind.EOF)) {
            if (ts.at(TokenKind.LPAREN)) {
                if (kw.equals("table") && ts.atList("elem")) {
                    scope.elems.declare(null, ts);
                } else if (kw.equals("memory") && ts.atList("data")) {
                    scope.datas.declare(null, ts);
                }
                ts.skipList();
            } else {
                ts.next();
            }
        }
    }

    private IndexSpace space(String kind) {
        return switch (kind) {
            case "func" -> scope.funcs;
            case "table" -> scope.tables;
            case "memory" -> scope.memories;
            case "global" -> scope.globals;
            default -> scope.tags;
        };
    }

    // ---- pass 2: type definitions ----

    private void defineTypes() {
        while (ts.at(TokenKind.LPAREN)) {
            if (ts.atList("type")) {
                typeDefinition(false);
                scope.typeGroups.add(new int[] {1, 0});
            } else if (ts.atList("rec")) {
                ts.openList("rec");
                int size = 0;
                while (ts.atList("type")) {
                    typeDefinition(true);
                    size++;
                }
                ts.expectRParen();
                scope.typeGroups.add(new int[] {size, 1});
            } else {
                ts.skipList();
            }
        }
    }

    private void typeDefinition(boolean inRec) {
        ts.openList("type");
        ts.optId();
        boolean isFinal = true;
        List<Integer> supers = new ArrayList<>();
        boolean sub = ts.atList("sub");
        if (sub) {
            ts.openList("sub");
            isFinal = ts.acceptKeyword("final");
            while (scope.types.atIndex(ts)) {
                supers.add(scope.types.parse(ts));
            }
        }
        TypeDef def = compositeType(isFinal, supers, inRec);
        if (sub) {
            ts.expectRParen();
        }
        ts.expectRParen();
        scope.typeDefs.add(def);
    }

    private TypeDef compositeType(boolean isFinal, List<Integer> supers, boolean inRec) {
        String kw = ts.listKeyword();
        if (kw == null) {
            throw ts.unexpected(ts.peek(), "a composite type");
        }
        List<ValType> fieldTypes = new ArrayList<>();
        List<Boolean> mutable = new ArrayList<>();
        Map<String, Integer> fieldNames = new HashMap<>();
        switch (kw) {
            case "func" -> {
                ts.openList("func");
                List<ValType> params = new ArrayList<>();
                while (ts.atList("param")) {
                    ts.openList("param");
                    if (ts.optId() != null) {
                        params.add(scope.valType());
                    } else {
                        while (!ts.at(TokenKind.RPAREN)) {
                            params.add(scope.valType());
                        }
                    }
                    ts.expectRParen();
                }
                List<ValType> results = scope.resultList();
                ts.expectRParen();
                return new TypeDef(TypeDef.FUNC, params, results, List.of(), List.of(), Map.of(), isFinal, supers, inRec);
            }
            case "struct" -> {
                ts.openList("struct");
                while (ts.atList("field")) {
                    ts.openList("field");
                    Token id = ts.optId();
                    if (id != null) {
                        if (fieldNames.putIfAbsent(id.name(), fieldTypes.size()) != null) {
                            throw ts.error(id, "duplicate field " + id.text());
                        }
                        fieldType(fieldTypes, mutable);
                    } else {
                        while (!ts.at(TokenKind.RPAREN)) {
                            fieldType(fieldTypes, mutable);
                        }
                    }
                    ts.expectRParen();
                }
                ts.expectRParen();
                return new TypeDef(TypeDef.STRUCT, List.of(), List.of(), fieldTypes, mutable, fieldNames, isFinal, supers, inRec);
            }
            case "array" -> {
                ts.openList("array");
                fieldType(fieldTypes, mutable);
                ts.expectRParen();
                return new TypeDef(TypeDef.ARRAY, List.of(), List.of(), fieldTypes, mutable, fieldNames, isFinal, supers, inRec);
            }
            default -> throw ts.unexpected(ts.peek(1), "func, struct or array");
        }
    }

    private void fieldType(List<ValType> types, List<Boolean> mutable) {
        if (ts.atList("mut")) {
            ts.openList("mut");
            types.add(scope.storageType());
            mutable.add(true);
            ts.expectRParen();
        } else {
            types.add(scope.storageType());
            mutable.add(false);
        }
    }

    // ---- pass 3: everything else ----

    private void field() {
        String kw = ts.listKeyword();
        switch (kw) {
            case "type", "rec" -> ts.skipList();
            case "func" -> function();
            case "table" -> table();
            case "memory" -> memory();
            case "global" -> global();
            case "tag" -> tag();
            case "import" -> importField();
            case "export" -> exportField();
            case "start" -> {
                Token open = ts.peek();
                ts.openList("start");
                if (start >= 0) {
                    throw ts.error(open, "multiple start sections");
                }
                start = scope.funcs.parse(ts);
                ts.expectRParen();
            }
            case "elem" -> elem();
            case "data" -> data();
            default -> throw ts.unexpected(ts.peek(1), "a module field");
        }
    }

    /**
     * Reads the head every importable field shares, {@code (KEYWORD $id? (export "n")*
     * (import "m" "n")?}, for the field of export kind {@code kind} at {@code index}.
     *
     * @return the writer for the import's descriptor, or null when the module defines the field
     */
    private ByteWriter fieldHead(String keyword, int kind, int index) {
        ts.openList(keyword);
        ts.optId();
        inlineExports(kind, index);
        return inlineImport(kind);
    }

    private void inlineExports(int kind, int index) {
        while (ts.atList("export")) {
            ts.openList("export");
            byte[] name = ts.expectName();
            ts.expectRParen();
            exports.add().vec(name).u8(kind).u32(index);
        }
    }

    /** Reads {@code (import "module" "name")} if present and returns the writer for its descriptor. */
    private ByteWriter inlineImport(int kind) {
        if (!ts.atList("import")) {
            return null;
        }
        ts.openList("import");
        byte[] module = ts.expectName();
        byte[] name = ts.expectName();
        ts.expectRParen();
        return imports.add().vec(module).vec(name).u8(kind);
    }

    private void function() {
        int index = funcIndex++;
        ByteWriter imp = fieldHead("func", 0, index);
        ModuleScope.TypeUse use = scope.typeUse(true, false);
        if (imp != null) {
            imp.u32(use.index());
            ts.expectRParen();
            return;
        }
        functions.add().u32(use.index());
        Map<String, Integer> localNames = new HashMap<>();
        int count = 0;
        for (Token name : use.paramNames()) {
            bindLocal(localNames, name, count++);
        }
        count = use.params().size();
        List<ValType> locals = new ArrayList<>();
        while (ts.atList("local")) {
            ts.openList("local");
            Token id = ts.optId();
            if (id != null) {
                bindLocal(localNames, id, count++);
                locals.add(scope.valType());
            } else {
                while (!ts.at(TokenKind.RPAREN)) {
                    locals.add(scope.valType());
                    count++;
                }
            }
            ts.expectRParen();
        }
        ByteWriter code = new ByteWriter(256);
        writeLocals(code, locals);
        new InstructionParser(scope, localNames).expression(code);
        ts.expectRParen();
        codes.add().sized(code);
    }

    private void bindLocal(Map<String, Integer> names, Token id, int index) {
        if (id != null && names.putIfAbsent(id.name(), index) != null) {
            throw ts.error(id, "duplicate local " + id.text());
        }
    }

    private static void writeLocals(ByteWriter out, List<ValType> locals) {
        int groups = 0;
        ByteWriter body = new ByteWriter();
        int i = 0;
        while (i < locals.size()) {
            int j = i;
            while (j < locals.size() && locals.get(j).equals(locals.get(i))) {
                j++;
            }
            body.u32(j - i);
            locals.get(i).write(body);
            groups++;
            i = j;
        }
        out.u32(groups).append(body);
    }

    /**
     * Limits {@code min max?}. Values are read as 64-bit even for 32-bit address types: an
     * oversized limit is a validation error, not a syntax error.
     */
    private void limits(ByteWriter out, boolean is64) {
        long min = ts.expectU64();
        Long max = null;
        if (ts.at(TokenKind.NAT)) {
            max = ts.expectU64();
        }
        out.u8((max != null ? 1 : 0) | (is64 ? 4 : 0));
        out.u64(min);
        if (max != null) {
            out.u64(max);
        }
    }

    private void tableType(ByteWriter out) {
        boolean is64 = addressType();
        ByteWriter lim = new ByteWriter(16);
        limits(lim, is64);
        scope.refType().write(out);
        out.append(lim);
    }

    private boolean addressType() {
        if (ts.acceptKeyword("i64")) {
            return true;
        }
        ts.acceptKeyword("i32");
        return false;
    }

    private void table() {
        int index = tableIndex++;
        ByteWriter imp = fieldHead("table", 1, index);
        if (imp != null) {
            tableType(imp);
            ts.expectRParen();
            return;
        }
        boolean is64 = addressType();
        if (scope.atValType()) {
            ValType type = scope.refType();
            ts.openList("elem");
            List<byte[]> items = new ArrayList<>();
            if (ts.at(TokenKind.LPAREN)) {
                while (ts.at(TokenKind.LPAREN)) {
                    items.add(elemItem());
                }
            } else {
                while (scope.funcs.atIndex(ts)) {
                    items.add(refFunc(scope.funcs.parse(ts)));
                }
            }
            ts.expectRParen();
            ts.expectRParen();
            ByteWriter t = tables.add();
            type.write(t);
            t.u8(is64 ? 5 : 1).u64(items.size()).u64(items.size());
            writeElem(elems.add(), 0, index, offsetZero(is64), type, items);
            return;
        }
        ByteWriter lim = new ByteWriter(16);
        limits(lim, is64);
        ValType type = scope.refType();
        ByteWriter t = tables.add();
        if (ts.at(TokenKind.RPAREN)) {
            type.write(t);
            t.append(lim);
        } else {
            t.u8(0x40).u8(0x00);
            type.write(t);
            t.append(lim);
            new InstructionParser(scope, Map.of()).expression(t);
        }
        ts.expectRParen();
    }

    private static byte[] offsetZero(boolean is64) {
        return is64 ? new byte[] {0x42, 0x00, 0x0B} : new byte[] {0x41, 0x00, 0x0B};
    }

    private static byte[] refFunc(int func) {
        return new ByteWriter(8).u8(0xD2).u32(func).u8(0x0B).toByteArray();
    }

    private void memoryType(ByteWriter out) {
        boolean is64 = addressType();
        long min = ts.expectU64();
        Long max = null;
        if (ts.at(TokenKind.NAT)) {
            max = ts.expectU64();
        }
        boolean shared = ts.acceptKeyword("shared");
        int pageSizeLog = ts.atList("pagesize") ? pageSize() : -1;
        int flags = (max != null ? 1 : 0) | (shared ? 2 : 0) | (is64 ? 4 : 0) | (pageSizeLog >= 0 ? 8 : 0);
        out.u8(flags).u64(min);
        if (max != null) {
            out.u64(max);
        }
        if (pageSizeLog >= 0) {
            out.u32(pageSizeLog);
        }
    }

    /** {@code (pagesize n)}, returned as log2(n). */
    private int pageSize() {
        ts.openList("pagesize");
        Token t = ts.peek();
        long size = ts.expectU32();
        if (size == 0 || (size & (size - 1)) != 0) {
            throw ts.error(t, "invalid custom page size");
        }
        ts.expectRParen();
        return Long.numberOfTrailingZeros(size);
    }

    private void memory() {
        int index = memoryIndex++;
        ByteWriter imp = fieldHead("memory", 2, index);
        if (imp != null) {
            memoryType(imp);
            ts.expectRParen();
            return;
        }
        int save = ts.position();
        boolean is64 = addressType();
        int pageSizeLog = ts.atList("pagesize") ? pageSize() : -1;
        if (ts.atList("data")) {
            ts.openList("data");
            ByteWriter bytes = new ByteWriter();
            while (ts.at(TokenKind.STRING)) {
                bytes.bytes(ts.expectStringBytes());
            }
            ts.expectRParen();
            ts.expectRParen();
            long pageSize = 1L << (pageSizeLog < 0 ? 16 : pageSizeLog);
            long pages = (bytes.size() + pageSize - 1) / pageSize;
            ByteWriter m = memories.add().u8((is64 ? 5 : 1) | (pageSizeLog >= 0 ? 8 : 0)).u64(pages).u64(pages);
            if (pageSizeLog >= 0) {
                m.u32(pageSizeLog);
            }
            ByteWriter d = datas.add();
            writeDataHeader(d, index, offsetZero(is64));
            d.sized(bytes);
            return;
        }
        ts.seek(save);
        memoryType(memories.add());
        ts.expectRParen();
    }

    private void globalType(ByteWriter out) {
        if (ts.atList("mut")) {
            ts.openList("mut");
            scope.valType().write(out);
            ts.expectRParen();
            out.u8(1);
        } else {
            scope.valType().write(out);
            out.u8(0);
        }
    }

    private void global() {
        int index = globalIndex++;
        ByteWriter imp = fieldHead("global", 3, index);
        if (imp != null) {
            globalType(imp);
            ts.expectRParen();
            return;
        }
        ByteWriter g = globals.add();
        globalType(g);
        new InstructionParser(scope, Map.of()).expression(g);
        ts.expectRParen();
    }

    private void tag() {
        int index = tagIndex++;
        ByteWriter imp = fieldHead("tag", 4, index);
        ModuleScope.TypeUse use = scope.typeUse(true, false);
        (imp != null ? imp : tags.add()).u8(0).u32(use.index());
        ts.expectRParen();
    }

    private void importField() {
        ts.openList("import");
        byte[] module = ts.expectName();
        byte[] name = ts.expectName();
        String kind = ts.listKeyword();
        ts.openList(kind);
        ts.optId();
        ByteWriter imp = imports.add().vec(module).vec(name);
        switch (kind) {
            case "func" -> {
                funcIndex++;
                imp.u8(0).u32(scope.typeUse(true, false).index());
            }
            case "table" -> {
                tableIndex++;
                imp.u8(1);
                tableType(imp);
            }
            case "memory" -> {
                memoryIndex++;
                imp.u8(2);
                memoryType(imp);
            }
            case "global" -> {
                globalIndex++;
                imp.u8(3);
                globalType(imp);
            }
            default -> {
                tagIndex++;
                imp.u8(4).u8(0).u32(scope.typeUse(true, false).index());
            }
        }
        ts.expectRParen();
        ts.expectRParen();
    }

    private void exportField() {
        ts.openList("export");
        byte[] name = ts.expectName();
        String kind = ts.listKeyword();
        if (kind == null || !isImportKind(kind)) {
            throw ts.unexpected(ts.peek(ts.at(TokenKind.LPAREN) ? 1 : 0), "an export description");
        }
        ts.openList(kind);
        int index = space(kind).parse(ts);
        ts.expectRParen();
        ts.expectRParen();
        int code = switch (kind) {
            case "func" -> 0;
            case "table" -> 1;
            case "memory" -> 2;
            case "global" -> 3;
            default -> 4;
        };
        exports.add().vec(name).u8(code).u32(index);
    }

    /** {@code (offset instr*)} or a single folded instruction, encoded with its {@code end}. */
    private byte[] offset() {
        ByteWriter out = new ByteWriter(16);
        InstructionParser p = new InstructionParser(scope, Map.of());
        if (ts.atList("offset")) {
            ts.openList("offset");
            p.expression(out);
            ts.expectRParen();
        } else {
            p.folded(out);
            out.u8(0x0B);
        }
        return out.toByteArray();
    }

    /** An element expression: {@code (item instr*)} or one folded instruction. */
    private byte[] elemItem() {
        ByteWriter out = new ByteWriter(16);
        InstructionParser p = new InstructionParser(scope, Map.of());
        if (ts.atList("item")) {
            ts.openList("item");
            p.expression(out);
            ts.expectRParen();
        } else {
            p.folded(out);
            out.u8(0x0B);
        }
        return out.toByteArray();
    }

    private static final ValType FUNCREF = ValType.ref(true, -0x70);

    private void elem() {
        ts.openList("elem");
        ts.optId();
        int mode = 0;
        int table = 0;
        byte[] offset = null;
        if (ts.acceptKeyword("declare")) {
            mode = 2;
        } else {
            if (ts.atList("table")) {
                ts.openList("table");
                table = scope.tables.parse(ts);
                ts.expectRParen();
                offset = offset();
            } else if (ts.at(TokenKind.NAT)) {
                table = scope.tables.parse(ts);
                offset = offset();
            } else if (ts.at(TokenKind.LPAREN) && !ts.atList("ref")) {
                offset = offset();
            }
            mode = offset != null ? 0 : 1;
        }
        ValType type = FUNCREF;
        List<byte[]> items = new ArrayList<>();
        if (ts.acceptKeyword("func") || mode == 0 && !scope.atValType()) {
            while (scope.funcs.atIndex(ts)) {
                items.add(refFunc(scope.funcs.parse(ts)));
            }
        } else {
            type = scope.refType();
            while (ts.at(TokenKind.LPAREN)) {
                items.add(elemItem());
            }
        }
        ts.expectRParen();
        writeElem(elems.add(), mode, table, offset, type, items);
    }

    /** Encodes an element segment; mode 0 active, 1 passive, 2 declarative. */
    private static void writeElem(ByteWriter out, int mode, int table, byte[] offset, ValType type, List<byte[]> items) {
        boolean funcIndices = type.equals(FUNCREF);
        if (funcIndices) {
            for (byte[] item : items) {
                if (!isRefFunc(item)) {
                    funcIndices = false;
                    break;
                }
            }
        }
        int flags = funcIndices ? 0 : 4;
        boolean explicit = false;
        if (mode == 0) {
            explicit = table != 0 || !type.equals(FUNCREF);
            flags |= explicit ? 2 : 0;
        } else {
            flags |= mode == 1 ? 1 : 3;
        }
        out.u8(flags);
        if (explicit) {
            out.u32(table);
        }
        if (mode == 0) {
            out.bytes(offset);
        }
        if (mode != 0 || explicit) {
            if (funcIndices) {
                out.u8(0x00);
            } else {
                type.write(out);
            }
        }
        out.u32(items.size());
        for (byte[] item : items) {
            if (funcIndices) {
                out.bytes(item, 1, item.length - 2);
            } else {
                out.bytes(item);
            }
        }
    }

    /** True when an encoded expression is exactly {@code ref.func x end}. */
    private static boolean isRefFunc(byte[] item) {
        if (item.length < 3 || (item[0] & 0xFF) != 0xD2 || item[item.length - 1] != 0x0B) {
            return false;
        }
        int i = 1;
        while (i < item.length - 1 && (item[i] & 0x80) != 0) {
            i++;
        }
        return i == item.length - 2;
    }

    private void data() {
        ts.openList("data");
        ts.optId();
        int memory = 0;
        byte[] offset = null;
        if (ts.atList("memory")) {
            ts.openList("memory");
            memory = scope.memories.parse(ts);
            ts.expectRParen();
            offset = offset();
        } else if (ts.at(TokenKind.NAT)) {
            memory = scope.memories.parse(ts);
            offset = offset();
        } else if (ts.at(TokenKind.LPAREN)) {
            offset = offset();
        }
        ByteWriter bytes = new ByteWriter();
        while (ts.at(TokenKind.STRING)) {
            bytes.bytes(ts.expectStringBytes());
        }
        ts.expectRParen();
        ByteWriter d = datas.add();
        if (offset == null) {
            d.u8(1);
        } else {
            writeDataHeader(d, memory, offset);
        }
        d.sized(bytes);
    }

    private static void writeDataHeader(ByteWriter out, int memory, byte[] offset) {
        if (memory == 0) {
            out.u8(0);
        } else {
            out.u8(2).u32(memory);
        }
        out.bytes(offset);
    }

    // ---- output ----

    private byte[] assemble() {
        ByteWriter out = new ByteWriter(1024);
        out.bytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
        if (!scope.typeDefs.isEmpty()) {
            ByteWriter types = new ByteWriter();
            types.u32(scope.typeGroups.size());
            int next = 0;
            for (int[] group : scope.typeGroups) {
                if (group[1] == 1) {
                    types.u8(0x4E).u32(group[0]);
                }
                for (int i = 0; i < group[0]; i++) {
                    scope.typeDefs.get(next++).write(types);
                }
            }
            out.u8(1).sized(types);
        }
        imports.writeTo(out);
        functions.writeTo(out);
        tables.writeTo(out);
        memories.writeTo(out);
        tags.writeTo(out);
        globals.writeTo(out);
        exports.writeTo(out);
        if (start >= 0) {
            out.u8(8).sized(new ByteWriter(8).u32(start));
        }
        elems.writeTo(out);
        if (scope.usesDataCount && scope.datas.size() > 0) {
            out.u8(12).sized(new ByteWriter(8).u32(scope.datas.size()));
        }
        codes.writeTo(out);
        datas.writeTo(out);
        return out.toByteArray();
    }
}
