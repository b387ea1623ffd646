package io.wasmrun.runtime.simd;

/** The scalar opcodes the lowering emits (one byte each; {@link #MISC} prefixes the saturating truncations). */
final class Op {
    static final int END = 0x0b;
    static final int CALL = 0x10;
    static final int DROP = 0x1a;
    static final int SELECT = 0x1b;
    static final int LOCAL_GET = 0x20;
    static final int LOCAL_SET = 0x21;
    static final int LOCAL_TEE = 0x22;
    static final int GLOBAL_GET = 0x23;
    static final int GLOBAL_SET = 0x24;

    static final int I32_LOAD = 0x28;
    static final int I64_LOAD = 0x29;
    static final int I32_LOAD8_U = 0x2d;
    static final int I32_LOAD16_U = 0x2f;
    static final int I64_LOAD32_U = 0x35;
    static final int I32_STORE = 0x36;
    static final int I64_STORE = 0x37;
    static final int I32_STORE8 = 0x3a;
    static final int I32_STORE16 = 0x3b;

    static final int I32_CONST = 0x41;
    static final int I64_CONST = 0x42;

    static final int I32_EQZ = 0x45;
    static final int I32_EQ = 0x46;
    static final int I32_NE = 0x47;
    static final int I32_LT_S = 0x48;
    static final int I32_LT_U = 0x49;
    static final int I32_GT_S = 0x4a;
    static final int I32_GT_U = 0x4b;
    static final int I32_LE_S = 0x4c;
    static final int I32_LE_U = 0x4d;
    static final int I32_GE_S = 0x4e;
    static final int I32_GE_U = 0x4f;
    static final int I64_EQZ = 0x50;
    static final int I64_EQ = 0x51;
    static final int I64_NE = 0x52;
    static final int I64_LT_S = 0x53;
    static final int I64_GT_S = 0x55;
    static final int I64_LE_S = 0x57;
    static final int I64_GE_S = 0x59;
    static final int F32_EQ = 0x5b;
    static final int F32_NE = 0x5c;
    static final int F32_LT = 0x5d;
    static final int F32_GT = 0x5e;
    static final int F32_LE = 0x5f;
    static final int F32_GE = 0x60;
    static final int F64_EQ = 0x61;
    static final int F64_NE = 0x62;
    static final int F64_LT = 0x63;
    static final int F64_GT = 0x64;
    static final int F64_LE = 0x65;
    static final int F64_GE = 0x66;

    static final int I32_ADD = 0x6a;
    static final int I32_SUB = 0x6b;
    static final int I32_MUL = 0x6c;
    static final int I32_AND = 0x71;
    static final int I32_OR = 0x72;
    static final int I32_SHL = 0x74;
    static final int I32_SHR_S = 0x75;
    static final int I32_SHR_U = 0x76;
    static final int I64_ADD = 0x7c;
    static final int I64_SUB = 0x7d;
    static final int I64_MUL = 0x7e;
    static final int I64_AND = 0x83;
    static final int I64_OR = 0x84;
    static final int I64_XOR = 0x85;
    static final int I64_SHL = 0x86;
    static final int I64_SHR_S = 0x87;
    static final int I64_SHR_U = 0x88;

    static final int F32_CEIL = 0x8d;
    static final int F32_FLOOR = 0x8e;
    static final int F32_TRUNC = 0x8f;
    static final int F32_NEAREST = 0x90;
    static final int F32_SQRT = 0x91;
    static final int F32_ADD = 0x92;
    static final int F32_SUB = 0x93;
    static final int F32_MUL = 0x94;
    static final int F32_DIV = 0x95;
    static final int F32_MIN = 0x96;
    static final int F32_MAX = 0x97;
    static final int F64_CEIL = 0x9b;
    static final int F64_FLOOR = 0x9c;
    static final int F64_TRUNC = 0x9d;
    static final int F64_NEAREST = 0x9e;
    static final int F64_SQRT = 0x9f;
    static final int F64_ADD = 0xa0;
    static final int F64_SUB = 0xa1;
    static final int F64_MUL = 0xa2;
    static final int F64_DIV = 0xa3;
    static final int F64_MIN = 0xa4;
    static final int F64_MAX = 0xa5;

    static final int I32_WRAP_I64 = 0xa7;
    static final int I64_EXTEND_I32_S = 0xac;
    static final int I64_EXTEND_I32_U = 0xad;
    static final int F32_CONVERT_I32_S = 0xb2;
    static final int F32_CONVERT_I32_U = 0xb3;
    static final int F32_DEMOTE_F64 = 0xb6;
    static final int F64_CONVERT_I32_S = 0xb7;
    static final int F64_CONVERT_I32_U = 0xb8;
    static final int F64_PROMOTE_F32 = 0xbb;
    static final int I32_REINTERPRET_F32 = 0xbc;
    static final int I64_REINTERPRET_F64 = 0xbd;
    static final int F32_REINTERPRET_I32 = 0xbe;
    static final int F64_REINTERPRET_I64 = 0xbf;
    static final int I32_EXTEND8_S = 0xc0;
    static final int I32_EXTEND16_S = 0xc1;

    /** The prefix of {@code i32.trunc_sat_*}: sub-opcodes 0 to 3 below. */
    static final int MISC = 0xfc;
    static final int I32_TRUNC_SAT_F32_S = 0;
    static final int I32_TRUNC_SAT_F32_U = 1;
    static final int I32_TRUNC_SAT_F64_S = 2;
    static final int I32_TRUNC_SAT_F64_U = 3;

    static final int TYPE_I32 = 0x7f;
    static final int TYPE_I64 = 0x7e;
    static final int TYPE_F32 = 0x7d;
    static final int TYPE_F64 = 0x7c;
    static final int TYPE_V128 = 0x7b;

    private Op() {}
}
