package io.wasmrun.runtime.simd;

import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.runtime.validate.ByteCursor;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers one function body. Instructions are copied byte for byte from the original, except
 * those that touch a v128: SIMD instructions become scalar code over i64 halves, and {@code
 * local.*}, {@code global.*}, {@code drop}, {@code select} and block types on a v128 become their
 * two-half forms. Local and global indices are renumbered where a v128 before them became two
 * entries. Chicory's validator has marked the {@code drop} and {@code select} of a v128 (the
 * operand hint it uses itself), so no operand stack needs modelling here.
 */
final class BodyLowering {
    private final byte[] binary;
    private final IndexMap globals;
    private final int vectorBlockType;
    private final Helpers helpers;

    BodyLowering(byte[] binary, IndexMap globals, int vectorBlockType, Helpers helpers) {
        this.binary = binary;
        this.globals = globals;
        this.vectorBlockType = vectorBlockType;
        this.helpers = helpers;
    }

    /**
     * The lowered body (locals and code, without the size) of the body whose bytes run from {@code
     * start} to {@code end}, whose function has parameters {@code params}.
     */
    byte[] lower(int start, int end, List<ValType> params, List<ValType> locals, List<? extends Instruction> instructions) {
        var all = new ArrayList<ValType>(params);
        all.addAll(locals);
        IndexMap map = IndexMap.ofTypes(all);
        var cursor = new ByteCursor(binary, start);
        var declarations = new Code(32);
        long groups = localDeclarations(cursor, declarations);
        int codeStart = cursor.position();
        var code = new Code(end - start + 64);
        var temps = new Temps(map.size());
        var operands = new Operands(code, temps);
        var simd = new SimdInstructions(operands, helpers);
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            int from = i == 0 ? codeStart : instruction.address();
            int to = i + 1 < instructions.size() ? instructions.get(i + 1).address() : end;
            instruction(instruction, from, to, map, all, code, operands, simd);
        }
        var scratch = temps.groups();
        var out = new Code(declarations.size() + code.size() + 32);
        out.unsigned(groups + scratch.size()).bytes(declarations.toBytes());
        for (long[] group : scratch) {
            out.unsigned(group[0]).op((int) group[1]);
        }
        return out.bytes(code.toBytes()).toBytes();
    }

    /** Copies the local declaration groups with each v128 group as twice as many i64; returns the number of groups. */
    private long localDeclarations(ByteCursor cursor, Code code) {
        long groups = cursor.u32();
        for (long g = 0; g < groups; g++) {
            long count = cursor.u32();
            int typeStart = cursor.position();
            int type = cursor.u8();
            if (type == 0x63 || type == 0x64) {
                cursor.s33();
            }
            if (type == Op.TYPE_V128) {
                code.unsigned(2 * count).op(Op.TYPE_I64);
            } else {
                code.unsigned(count).bytes(binary, typeStart, cursor.position());
            }
        }
        return groups;
    }

    private void instruction(
            Instruction ins, int from, int to, IndexMap locals, List<ValType> localTypes, Code c, Operands operands, SimdInstructions simd) {
        OpCode op = ins.opcode();
        switch (op) {
            case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                long index = ins.operand(0);
                int lowered = locals.lowered(index);
                if (locals.isVector(index)) {
                    if (op == OpCode.LOCAL_GET) {
                        operands.pushLocal(lowered);
                    } else {
                        operands.storeLocal(lowered, op == OpCode.LOCAL_TEE);
                    }
                    return;
                }
                int type = localTypes.get(Math.toIntExact(index)).opcode();
                int pops = op == OpCode.LOCAL_GET ? 0 : 1;
                int pushes = op == OpCode.LOCAL_SET ? -1 : type;
                if (!numeric(type) || !operands.scalar(pops, pushes)) {
                    operands.barrier();
                }
                c.indexed(op == OpCode.LOCAL_GET ? Op.LOCAL_GET : op == OpCode.LOCAL_SET ? Op.LOCAL_SET : Op.LOCAL_TEE, lowered);
            }
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> scalar(operands, 0, constType(op), from, to, c);
            case DROP -> {
                if (ins.operand(0) == ValType.ID.V128) {
                    operands.dropVector();
                } else {
                    scalar(operands, 1, -1, from, to, c);
                }
            }
            default -> {
                int opcode = op.opcode();
                if (opcode >= Op.I32_ADD && opcode <= 0x78) {
                    scalar(operands, 2, Op.TYPE_I32, from, to, c);
                } else if ((opcode >> 8) == 0xfd) {
                    operands.begin();
                    simd.lower(op, ins.operands());
                } else {
                    operands.barrier();
                    other(ins, op, from, to, c, operands);
                }
            }
        }
    }

    /** A scalar instruction copied as it is, which may leave pending vectors pending. */
    private void scalar(Operands operands, int pops, int pushes, int from, int to, Code c) {
        if (!operands.scalar(pops, pushes)) {
            operands.barrier();
        }
        c.bytes(binary, from, to);
    }

    /**
     * Whether a local of wasm type {@code type} can be tracked above pending vectors: a reference
     * could not be spilled into a scratch local of its own type (a typed reference needs its heap
     * type, a non-nullable one a value), so it makes pending vectors settle first.
     */
    private static boolean numeric(int type) {
        return type == Op.TYPE_I32 || type == Op.TYPE_I64 || type == Op.TYPE_F32 || type == Op.TYPE_F64;
    }

    private static int constType(OpCode op) {
        return switch (op) {
            case I32_CONST -> Op.TYPE_I32;
            case I64_CONST -> Op.TYPE_I64;
            case F32_CONST -> Op.TYPE_F32;
            default -> Op.TYPE_F64;
        };
    }

    /** An instruction that needs the stack as the original has it: copied, or rewritten where it touches a v128. */
    private void other(Instruction ins, OpCode op, int from, int to, Code c, Operands operands) {
        switch (op) {
            case GLOBAL_GET, GLOBAL_SET -> global(op, ins.operand(0), globals, c);
            case SELECT -> {
                if (ins.operand(0) == ValType.ID.V128) {
                    select(operands);
                } else {
                    c.bytes(binary, from, to);
                }
            }
            case SELECT_T -> {
                if (to - from == 3 && binary[from + 1] == 1 && (binary[from + 2] & 0xff) == Op.TYPE_V128) {
                    select(operands);
                } else {
                    c.bytes(binary, from, to);
                }
            }
            case BLOCK, LOOP, IF, TRY_TABLE -> {
                if ((binary[from + 1] & 0xff) == Op.TYPE_V128) {
                    c.op(binary[from] & 0xff).signed(vectorBlockType).bytes(binary, from + 2, to);
                } else {
                    c.bytes(binary, from, to);
                }
            }
            default -> c.bytes(binary, from, to);
        }
    }

    /** A {@code global.get} or {@code global.set}, renumbered; on a v128, one per half. */
    private static void global(OpCode op, long index, IndexMap map, Code c) {
        int lowered = map.lowered(index);
        boolean get = op == OpCode.GLOBAL_GET;
        if (!map.isVector(index)) {
            c.indexed(get ? Op.GLOBAL_GET : Op.GLOBAL_SET, lowered);
        } else if (get) {
            c.indexed(Op.GLOBAL_GET, lowered).indexed(Op.GLOBAL_GET, lowered + 1);
        } else {
            c.indexed(Op.GLOBAL_SET, lowered + 1).indexed(Op.GLOBAL_SET, lowered);
        }
    }

    private static void select(Operands o) {
        o.begin();
        int condition = o.popScalar(Op.TYPE_I32, 0);
        o.pop(2);
        o.c.get(o.lo(0)).get(o.lo(1)).get(condition).op(Op.SELECT);
        o.c.get(o.hi(0)).get(o.hi(1)).get(condition).op(Op.SELECT);
        o.result();
    }
}
