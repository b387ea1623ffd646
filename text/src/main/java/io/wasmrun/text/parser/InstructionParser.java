package io.wasmrun.text.parser;

import io.wasmrun.text.encoder.ByteWriter;
import io.wasmrun.text.lexer.Lexer;
import io.wasmrun.text.lexer.NumberLiterals;
import io.wasmrun.text.lexer.Token;
import io.wasmrun.text.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses instruction sequences, plain and folded, and encodes them.
 *
 * <p>Folded instructions are emitted operands first. Implicit function types must be created in
 * the order the flattened instructions appear (as wabt does), so for a folded {@code if} or
 * {@code call_indirect} the immediates are first read in a side-effect-free "dry" pass, the
 * operands are encoded, and then the immediates are read again for real.
 */
final class InstructionParser {
    private static final int MAX_BLOCK_DEPTH = Lexer.MAX_DEPTH;

    private final ModuleScope scope;
    private final TokenStream ts;
    private final Map<String, Integer> localNames;
    private final List<String> labels = new ArrayList<>();
    private boolean dry;

    InstructionParser(ModuleScope scope, Map<String, Integer> localNames) {
        this.scope = scope;
        this.ts = scope.ts;
        this.localNames = localNames;
    }

    /** An instruction sequence followed by {@code end}. */
    void expression(ByteWriter out) {
        instructions(out);
        out.u8(0x0B);
    }

    /** Parses instructions until a closing parenthesis or a block-structure keyword. */
    void instructions(ByteWriter out) {
        while (true) {
            Token t = ts.peek();
            if (t.kind() == TokenKind.LPAREN) {
                String kw = ts.listKeyword();
                if (kw != null && isClause(kw)) {
                    return;
                }
                folded(out);
            } else if (t.kind() == TokenKind.KEYWORD) {
                switch (t.text()) {
                    case "end", "else", "catch", "catch_all", "delegate" -> {
                        return;
                    }
                    default -> plain(out);
                }
            } else {
                return;
            }
        }
    }

    private static boolean isClause(String kw) {
        return switch (kw) {
            case "then", "else", "do", "catch", "catch_all", "delegate" -> true;
            default -> false;
        };
    }

    /** One folded instruction; the cursor is at its opening parenthesis. */
    void folded(ByteWriter out) {
        ts.expectLParen();
        Token kw = ts.peek();
        if (kw.kind() != TokenKind.KEYWORD) {
            throw ts.unexpected(kw, "an instruction");
        }
        switch (kw.text()) {
            case "block", "loop" -> {
                ts.next();
                String label = label();
                out.u8(kw.text().equals("block") ? 0x02 : 0x03);
                blockType(out);
                push(label, kw);
                instructions(out);
                pop();
                out.u8(0x0B);
            }
            case "if" -> foldedIf(out);
            case "try" -> foldedTry(out, kw);
            case "try_table" -> {
                ts.next();
                String label = label();
                tryTableHeader(out);
                push(label, kw);
                instructions(out);
                pop();
                out.u8(0x0B);
            }
            default -> {
                Opcode op = opcode(kw);
                ts.next();
                if (op.imm() == Imm.CALL_INDIRECT) {
                    int start = ts.position();
                    boolean wasDry = dry;
                    dry = true;
                    immediates(op, new ByteWriter(), kw);
                    dry = wasDry;
                    operands(out);
                    int end = ts.position();
                    ts.seek(start);
                    immediates(op, out, kw);
                    ts.seek(end);
                } else {
                    ByteWriter imm = new ByteWriter(16);
                    immediates(op, imm, kw);
                    operands(out);
                    out.append(imm);
                }
            }
        }
        ts.expectRParen();
    }

    private void operands(ByteWriter out) {
        while (ts.at(TokenKind.LPAREN)) {
            folded(out);
        }
    }

    private void foldedIf(ByteWriter out) {
        Token kw = ts.next();
        int header = ts.position();
        boolean wasDry = dry;
        dry = true;
        label();
        blockType(new ByteWriter());
        dry = wasDry;
        while (ts.at(TokenKind.LPAREN) && !ts.atList("then")) {
            folded(out);
        }
        int body = ts.position();
        ts.seek(header);
        String label = label();
        out.u8(0x04);
        blockType(out);
        ts.seek(body);
        push(label, kw);
        ts.openList("then");
        instructions(out);
        ts.expectRParen();
        if (ts.atList("else")) {
            ts.openList("else");
            elseBranch(out);
            ts.expectRParen();
        }
        pop();
        out.u8(0x0B);
    }

    /** Encodes an else branch; like wabt, an empty one is left out entirely. */
    private void elseBranch(ByteWriter out) {
        int mark = out.size();
        out.u8(0x05);
        instructions(out);
        if (out.size() == mark + 1) {
            out.truncate(mark);
        }
    }

    private void foldedTry(ByteWriter out, Token kw) {
        ts.next();
        String label = label();
        out.u8(0x06);
        blockType(out);
        push(label, kw);
        ts.openList("do");
        instructions(out);
        ts.expectRParen();
        boolean handlers = false;
        while (ts.atList("catch")) {
            ts.openList("catch");
            out.u8(0x07).u32(scope.tags.parse(ts));
            instructions(out);
            ts.expectRParen();
            handlers = true;
        }
        if (ts.atList("catch_all")) {
            ts.openList("catch_all");
            out.u8(0x19);
            instructions(out);
            ts.expectRParen();
            handlers = true;
        }
        if (!handlers && ts.atList("delegate")) {
            ts.openList("delegate");
            pop();
            out.u8(0x18).u32(labelIndex());
            ts.expectRParen();
            return;
        }
        pop();
        out.u8(0x0B);
    }

    /** One plain instruction; the cursor is at its keyword. */
    private void plain(ByteWriter out) {
        Token kw = ts.peek();
        switch (kw.text()) {
            case "block", "loop" -> {
                ts.next();
                String label = label();
                out.u8(kw.text().equals("block") ? 0x02 : 0x03);
                blockType(out);
                push(label, kw);
                instructions(out);
                end(label);
                pop();
                out.u8(0x0B);
            }
            case "if" -> {
                ts.next();
                String label = label();
                out.u8(0x04);
                blockType(out);
                push(label, kw);
                instructions(out);
                if (ts.acceptKeyword("else")) {
                    checkLabel(label);
                    elseBranch(out);
                }
                end(label);
                pop();
                out.u8(0x0B);
            }
            case "try" -> {
                ts.next();
                String label = label();
                out.u8(0x06);
                blockType(out);
                push(label, kw);
                instructions(out);
                boolean handlers = false;
                while (ts.acceptKeyword("catch")) {
                    out.u8(0x07).u32(scope.tags.parse(ts));
                    instructions(out);
                    handlers = true;
                }
                if (ts.acceptKeyword("catch_all")) {
                    out.u8(0x19);
                    instructions(out);
                    handlers = true;
                }
                if (!handlers && ts.acceptKeyword("delegate")) {
                    pop();
                    out.u8(0x18).u32(labelIndex());
                    return;
                }
                end(label);
                pop();
                out.u8(0x0B);
            }
            case "try_table" -> {
                ts.next();
                String label = label();
                tryTableHeader(out);
                push(label, kw);
                instructions(out);
                end(label);
                pop();
                out.u8(0x0B);
            }
            default -> {
                Opcode op = opcode(kw);
                ts.next();
                immediates(op, out, kw);
            }
        }
    }

    private Opcode opcode(Token kw) {
        Opcode op = OpcodeTable.lookup(kw.text());
        if (op == null) {
            throw ts.error(kw, "unknown operator " + kw.describe());
        }
        return op;
    }

    private void tryTableHeader(ByteWriter out) {
        out.u8(0x1F);
        blockType(out);
        ByteWriter catches = new ByteWriter();
        int count = 0;
        while (true) {
            String kw = ts.listKeyword();
            if (kw == null) {
                break;
            }
            int kind;
            switch (kw) {
                case "catch" -> kind = 0;
                case "catch_ref" -> kind = 1;
                case "catch_all" -> kind = 2;
                case "catch_all_ref" -> kind = 3;
                default -> kind = -1;
            }
            if (kind < 0) {
                break;
            }
            ts.openList(kw);
            catches.u8(kind);
            if (kind < 2) {
                catches.u32(scope.tags.parse(ts));
            }
            catches.u32(labelIndex());
            ts.expectRParen();
            count++;
        }
        out.u32(count).append(catches);
    }

    private String label() {
        Token id = ts.optId();
        return id == null ? null : id.name();
    }

    private void push(String label, Token at) {
        if (labels.size() >= MAX_BLOCK_DEPTH) {
            throw ts.error(at, "nesting too deep");
        }
        labels.add(label);
    }

    private void pop() {
        labels.removeLast();
    }

    private void end(String label) {
        ts.expectKeyword("end");
        checkLabel(label);
    }

    private void checkLabel(String label) {
        Token id = ts.peek();
        if (id.kind() == TokenKind.ID) {
            if (!id.name().equals(label)) {
                throw ts.error(id, "mismatching label " + id.text());
            }
            ts.next();
        }
    }

    private int labelIndex() {
        Token t = ts.next();
        if (t.kind() == TokenKind.NAT) {
            return (int) ts.u32(t);
        }
        if (t.kind() == TokenKind.ID) {
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (t.name().equals(labels.get(i))) {
                    return labels.size() - 1 - i;
                }
            }
            throw ts.error(t, "unknown label " + t.text());
        }
        throw ts.unexpected(t, "a label");
    }

    private boolean atIndex() {
        TokenKind k = ts.peek().kind();
        return k == TokenKind.NAT || k == TokenKind.ID;
    }

    private void blockType(ByteWriter out) {
        Integer explicit = null;
        Token typeToken = ts.peek();
        if (ts.atList("type")) {
            ts.openList("type");
            typeToken = ts.peek();
            explicit = scope.types.parse(ts);
            ts.expectRParen();
        }
        List<ValType> params = new ArrayList<>();
        while (ts.atList("param")) {
            ts.openList("param");
            while (!ts.at(TokenKind.RPAREN)) {
                params.add(scope.valType());
            }
            ts.expectRParen();
        }
        List<ValType> results = scope.resultList();
        if (explicit != null) {
            scope.checkDefined(explicit, typeToken, !params.isEmpty() || !results.isEmpty());
            TypeDef def = scope.typeDef(explicit);
            if (def != null && def.isFunc()) {
                boolean inline = !params.isEmpty() || !results.isEmpty();
                if (inline && (!def.params().equals(params) || !def.results().equals(results))) {
                    throw ts.error(ts.peek(), "inline function type does not match type " + explicit);
                }
                if (def.params().isEmpty() && def.results().size() <= 1) {
                    writeInlineBlockType(out, def.results());
                    return;
                }
            }
            out.s64(explicit);
        } else if (params.isEmpty() && results.size() <= 1) {
            writeInlineBlockType(out, results);
        } else {
            out.s64(dry ? 0 : scope.implicitType(params, results));
        }
    }

    private static void writeInlineBlockType(ByteWriter out, List<ValType> results) {
        if (results.isEmpty()) {
            out.u8(0x40);
        } else {
            results.get(0).write(out);
        }
    }

    private static void writeOpcode(ByteWriter out, Opcode op, int code) {
        if (op.prefix() >= 0) {
            out.u8(op.prefix()).u32(code);
        } else {
            out.u8(code);
        }
    }

    private void immediates(Opcode op, ByteWriter out, Token kw) {
        switch (op.imm()) {
            case REF_TEST -> {
                ValType t = scope.refType();
                writeOpcode(out, op, op.code() + (t.code() == ValType.REF_NULL ? 1 : 0));
                ValType.writeHeap(out, t.heap());
                return;
            }
            case BR_ON_CAST -> {
                int label = labelIndex();
                ValType from = scope.refType();
                ValType to = scope.refType();
                writeOpcode(out, op, op.code());
                int flags = (from.code() == ValType.REF_NULL ? 1 : 0) | (to.code() == ValType.REF_NULL ? 2 : 0);
                out.u8(flags).u32(label);
                ValType.writeHeap(out, from.heap());
                ValType.writeHeap(out, to.heap());
                return;
            }
            case SELECT -> {
                if (ts.atList("result")) {
                    List<ValType> types = scope.resultList();
                    out.u8(0x1C).u32(types.size());
                    for (ValType t : types) {
                        t.write(out);
                    }
                } else {
                    out.u8(0x1B);
                }
                return;
            }
            default -> writeOpcode(out, op, op.code());
        }
        switch (op.imm()) {
            case NONE -> {}
            case LABEL -> out.u32(labelIndex());
            case BR_TABLE -> {
                List<Integer> targets = new ArrayList<>();
                targets.add(labelIndex());
                while (atIndex()) {
                    targets.add(labelIndex());
                }
                out.u32(targets.size() - 1);
                for (int t : targets) {
                    out.u32(t);
                }
            }
            case FUNC -> out.u32(scope.funcs.parse(ts));
            case LOCAL -> out.u32(local());
            case GLOBAL -> out.u32(scope.globals.parse(ts));
            case TABLE -> out.u32(atIndex() ? scope.tables.parse(ts) : 0);
            case MEMORY -> out.u32(atIndex() ? scope.memories.parse(ts) : 0);
            case MEMARG -> memarg(out, op, atIndex() ? scope.memories.parse(ts) : 0);
            case MEMARG_LANE -> {
                int memory = 0;
                Token t = ts.peek();
                if (t.kind() == TokenKind.ID || t.kind() == TokenKind.NAT && startsMemarg(ts.peek(1))) {
                    memory = scope.memories.parse(ts);
                }
                memarg(out, op, memory);
                out.u8(lane(255));
            }
            case LANE -> out.u8(lane(255));
            case SHUFFLE -> {
                for (int i = 0; i < 16; i++) {
                    out.u8(lane(255));
                }
            }
            case I32 -> out.s64((int) integer(32));
            case I64 -> out.s64(integer(64));
            case F32 -> out.f32(f32());
            case F64 -> out.f64(f64());
            case V128 -> v128(out);
            case CALL_INDIRECT -> {
                int table = atIndex() ? scope.tables.parse(ts) : 0;
                ModuleScope.TypeUse use = scope.typeUse(false, dry);
                out.u32(use.index()).u32(table);
            }
            case HEAP_TYPE -> ValType.writeHeap(out, scope.heapType());
            case TYPE -> out.u32(scope.types.parse(ts));
            case TYPE_FIELD -> {
                int type = scope.types.parse(ts);
                out.u32(type).u32(field(type));
            }
            case TYPE_TYPE -> out.u32(scope.types.parse(ts)).u32(scope.types.parse(ts));
            case TYPE_U32 -> out.u32(scope.types.parse(ts)).u32(ts.expectU32());
            case TYPE_DATA -> {
                scope.usesDataCount = true;
                out.u32(scope.types.parse(ts)).u32(scope.datas.parse(ts));
            }
            case TYPE_ELEM -> out.u32(scope.types.parse(ts)).u32(scope.elems.parse(ts));
            case MEMORY_INIT -> {
                scope.usesDataCount = true;
                Token first = ts.peek();
                ts.next();
                if (atIndex()) {
                    int memory = scope.memories.resolve(first, ts);
                    out.u32(scope.datas.parse(ts)).u32(memory);
                } else {
                    out.u32(scope.datas.resolve(first, ts)).u32(0);
                }
            }
            case DATA -> {
                scope.usesDataCount = true;
                out.u32(scope.datas.parse(ts));
            }
            case MEMORY_COPY -> {
                if (atIndex()) {
                    out.u32(scope.memories.parse(ts)).u32(scope.memories.parse(ts));
                } else {
                    out.u32(0).u32(0);
                }
            }
            case TABLE_INIT -> {
                Token first = ts.peek();
                ts.next();
                if (atIndex()) {
                    int table = scope.tables.resolve(first, ts);
                    out.u32(scope.elems.parse(ts)).u32(table);
                } else {
                    out.u32(scope.elems.resolve(first, ts)).u32(0);
                }
            }
            case ELEM -> out.u32(scope.elems.parse(ts));
            case TABLE_COPY -> {
                if (atIndex()) {
                    out.u32(scope.tables.parse(ts)).u32(scope.tables.parse(ts));
                } else {
                    out.u32(0).u32(0);
                }
            }
            case TAG -> out.u32(scope.tags.parse(ts));
            case ZERO_BYTE -> out.u8(0);
            default -> throw ts.error(kw, "unsupported operator " + kw.describe());
        }
    }

    private static boolean startsMemarg(Token t) {
        return t.kind() == TokenKind.NAT
                || t.kind() == TokenKind.KEYWORD && (t.text().startsWith("offset=") || t.text().startsWith("align="));
    }

    private void memarg(ByteWriter out, Opcode op, int memory) {
        long offset = 0;
        int align = op.naturalAlign();
        Token t = ts.peek();
        if (t.kind() == TokenKind.KEYWORD && t.text().startsWith("offset=")) {
            ts.next();
            offset = memargValue(t, t.text().substring(7));
            t = ts.peek();
        }
        if (t.kind() == TokenKind.KEYWORD && t.text().startsWith("align=")) {
            ts.next();
            long a = memargValue(t, t.text().substring(6));
            if (a == 0 || (a & (a - 1)) != 0) {
                throw ts.error(t, "alignment must be a power of two");
            }
            align = Long.numberOfTrailingZeros(a);
        }
        if (memory != 0) {
            out.u32(align | 0x40).u32(memory);
        } else {
            out.u32(align);
        }
        out.u64(offset);
    }

    private long memargValue(Token t, String digits) {
        if (digits.isEmpty() || NumberLiterals.classify(digits) != TokenKind.NAT) {
            throw ts.error(t, "malformed memory immediate " + t.describe());
        }
        try {
            return NumberLiterals.parseU64(digits);
        } catch (NumberFormatException e) {
            throw ts.error(t, e.getMessage());
        }
    }

    private int lane(int max) {
        Token t = ts.expect(TokenKind.NAT, "a lane index");
        long v = ts.u32(t);
        if (v > max) {
            throw ts.error(t, "malformed lane index");
        }
        return (int) v;
    }

    private int local() {
        return IndexSpace.resolve(ts.next(), ts, "local", localNames);
    }

    private int field(int type) {
        TypeDef def = scope.typeDef(type);
        return IndexSpace.resolve(ts.next(), ts, "field", def == null ? Map.of() : def.fieldNames());
    }

    private long integer(int bits) {
        Token t = ts.next();
        if (!t.isInteger()) {
            throw ts.unexpected(t, "an integer");
        }
        return Literals.integer(ts, t, bits);
    }

    private int f32() {
        Token t = ts.next();
        return Literals.f32(ts, t);
    }

    private long f64() {
        Token t = ts.next();
        return Literals.f64(ts, t);
    }

    private void v128(ByteWriter out) {
        Token shape = ts.expect(TokenKind.KEYWORD, "a vector shape");
        switch (shape.text()) {
            case "i8x16" -> {
                for (int i = 0; i < 16; i++) {
                    out.u8((int) integer(8));
                }
            }
            case "i16x8" -> {
                for (int i = 0; i < 8; i++) {
                    long v = integer(16);
                    out.u8((int) v).u8((int) (v >>> 8));
                }
            }
            case "i32x4" -> {
                for (int i = 0; i < 4; i++) {
                    out.f32((int) integer(32));
                }
            }
            case "i64x2" -> {
                out.f64(integer(64));
                out.f64(integer(64));
            }
            case "f32x4" -> {
                for (int i = 0; i < 4; i++) {
                    out.f32(f32());
                }
            }
            case "f64x2" -> {
                out.f64(f64());
                out.f64(f64());
            }
            default -> throw ts.unexpected(shape, "a vector shape");
        }
    }
}
