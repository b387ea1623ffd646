package io.wasmrun.text.parser;

import java.util.HashMap;
import java.util.Map;

/**
 * Mnemonic to opcode for every plain instruction (structured control such as {@code block} or
 * {@code try_table} is parsed separately). The table is a text block, one instruction per line:
 * {@code name code [immediate [alignment]]}, where code is {@code hh} or {@code prefix.hhh}.
 */
final class OpcodeTable {
    private static final Map<String, Opcode> OPS = new HashMap<>(1024);

    private OpcodeTable() {}

    static Opcode lookup(String name) {
        return OPS.get(name);
    }

    private static final String TABLE = """
            unreachable 00
            nop 01
            throw 08 TAG
            rethrow 09 LABEL
            throw_ref 0a
            br 0c LABEL
            br_if 0d LABEL
            br_table 0e BR_TABLE
            return 0f
            call 10 FUNC
            call_indirect 11 CALL_INDIRECT
            return_call 12 FUNC
            return_call_indirect 13 CALL_INDIRECT
            call_ref 14 TYPE
            return_call_ref 15 TYPE
            drop 1a
            select 1b SELECT
            local.get 20 LOCAL
            local.set 21 LOCAL
            local.tee 22 LOCAL
            global.get 23 GLOBAL
            global.set 24 GLOBAL
            table.get 25 TABLE
            table.set 26 TABLE
            i32.load 28 MEMARG 2
            i64.load 29 MEMARG 3
            f32.load 2a MEMARG 2
            f64.load 2b MEMARG 3
            i32.load8_s 2c MEMARG 0
            i32.load8_u 2d MEMARG 0
            i32.load16_s 2e MEMARG 1
            i32.load16_u 2f MEMARG 1
            i64.load8_s 30 MEMARG 0
            i64.load8_u 31 MEMARG 0
            i64.load16_s 32 MEMARG 1
            i64.load16_u 33 MEMARG 1
            i64.load32_s 34 MEMARG 2
            i64.load32_u 35 MEMARG 2
            i32.store 36 MEMARG 2
            i64.store 37 MEMARG 3
            f32.store 38 MEMARG 2
            f64.store 39 MEMARG 3
            i32.store8 3a MEMARG 0
            i32.store16 3b MEMARG 1
            i64.store8 3c MEMARG 0
            i64.store16 3d MEMARG 1
            i64.store32 3e MEMARG 2
            memory.size 3f MEMORY
            memory.grow 40 MEMORY
            i32.const 41 I32
            i64.const 42 I64
            f32.const 43 F32
            f64.const 44 F64
            i32.eqz 45
            i32.eq 46
            i32.ne 47
            i32.lt_s 48
            i32.lt_u 49
            i32.gt_s 4a
            i32.gt_u 4b
            i32.le_s 4c
            i32.le_u 4d
            i32.ge_s 4e
            i32.ge_u 4f
            i64.eqz 50
            i64.eq 51
            i64.ne 52
            i64.lt_s 53
            i64.lt_u 54
            i64.gt_s 55
            i64.gt_u 56
            i64.le_s 57
            i64.le_u 58
            i64.ge_s 59
            i64.ge_u 5a
            f32.eq 5b
            f32.ne 5c
            f32.lt 5d
            f32.gt 5e
            f32.le 5f
            f32.ge 60
            f64.eq 61
            f64.ne 62
            f64.lt 63
            f64.gt 64
            f64.le 65
            f64.ge 66
            i32.clz 67
            i32.ctz 68
            i32.popcnt 69
            i32.add 6a
            i32.sub 6b
            i32.mul 6c
            i32.div_s 6d
            i32.div_u 6e
            i32.rem_s 6f
            i32.rem_u 70
            i32.and 71
            i32.or 72
            i32.xor 73
            i32.shl 74
            i32.shr_s 75
            i32.shr_u 76
            i32.rotl 77
            i32.rotr 78
            i64.clz 79
            i64.ctz 7a
            i64.popcnt 7b
            i64.add 7c
            i64.sub 7d
            i64.mul 7e
            i64.div_s 7f
            i64.div_u 80
            i64.rem_s 81
            i64.rem_u 82
            i64.and 83
            i64.or 84
            i64.xor 85
            i64.shl 86
            i64.shr_s 87
            i64.shr_u 88
            i64.rotl 89
            i64.rotr 8a
            f32.abs 8b
            f32.neg 8c
            f32.ceil 8d
            f32.floor 8e
            f32.trunc 8f
            f32.nearest 90
            f32.sqrt 91
            f32.add 92
            f32.sub 93
            f32.mul 94
            f32.div 95
            f32.min 96
            f32.max 97
            f32.copysign 98
            f64.abs 99
            f64.neg 9a
            f64.ceil 9b
            f64.floor 9c
            f64.trunc 9d
            f64.nearest 9e
            f64.sqrt 9f
            f64.add a0
            f64.sub a1
            f64.mul a2
            f64.div a3
            f64.min a4
            f64.max a5
            f64.copysign a6
            i32.wrap_i64 a7
            i32.trunc_f32_s a8
            i32.trunc_f32_u a9
            i32.trunc_f64_s aa
            i32.trunc_f64_u ab
            i64.extend_i32_s ac
            i64.extend_i32_u ad
            i64.trunc_f32_s ae
            i64.trunc_f32_u af
            i64.trunc_f64_s b0
            i64.trunc_f64_u b1
            f32.convert_i32_s b2
            f32.convert_i32_u b3
            f32.convert_i64_s b4
            f32.convert_i64_u b5
            f32.demote_f64 b6
            f64.convert_i32_s b7
            f64.convert_i32_u b8
            f64.convert_i64_s b9
            f64.convert_i64_u ba
            f64.promote_f32 bb
            i32.reinterpret_f32 bc
            i64.reinterpret_f64 bd
            f32.reinterpret_i32 be
            f64.reinterpret_i64 bf
            i32.extend8_s c0
            i32.extend16_s c1
            i64.extend8_s c2
            i64.extend16_s c3
            i64.extend32_s c4
            ref.null d0 HEAP_TYPE
            ref.is_null d1
            ref.func d2 FUNC
            ref.eq d3
            ref.as_non_null d4
            br_on_null d5 LABEL
            br_on_non_null d6 LABEL
            struct.new fb.00 TYPE
            struct.new_default fb.01 TYPE
            struct.get fb.02 TYPE_FIELD
            struct.get_s fb.03 TYPE_FIELD
            struct.get_u fb.04 TYPE_FIELD
            struct.set fb.05 TYPE_FIELD
            array.new fb.06 TYPE
            array.new_default fb.07 TYPE
            array.new_fixed fb.08 TYPE_U32
            array.new_data fb.09 TYPE_DATA
            array.new_elem fb.0a TYPE_ELEM
            array.get fb.0b TYPE
            array.get_s fb.0c TYPE
            array.get_u fb.0d TYPE
            array.set fb.0e TYPE
            array.len fb.0f
            array.fill fb.10 TYPE
            array.copy fb.11 TYPE_TYPE
            array.init_data fb.12 TYPE_DATA
            array.init_elem fb.13 TYPE_ELEM
            ref.test fb.14 REF_TEST
            ref.cast fb.16 REF_TEST
            br_on_cast fb.18 BR_ON_CAST
            br_on_cast_fail fb.19 BR_ON_CAST
            any.convert_extern fb.1a
            extern.convert_any fb.1b
            extern.internalize fb.1a
            extern.externalize fb.1b
            ref.i31 fb.1c
            i31.get_s fb.1d
            i31.get_u fb.1e
            i32.trunc_sat_f32_s fc.00
            i32.trunc_sat_f32_u fc.01
            i32.trunc_sat_f64_s fc.02
            i32.trunc_sat_f64_u fc.03
            i64.trunc_sat_f32_s fc.04
            i64.trunc_sat_f32_u fc.05
            i64.trunc_sat_f64_s fc.06
            i64.trunc_sat_f64_u fc.07
            memory.init fc.08 MEMORY_INIT
            data.drop fc.09 DATA
            memory.copy fc.0a MEMORY_COPY
            memory.fill fc.0b MEMORY
            table.init fc.0c TABLE_INIT
            elem.drop fc.0d ELEM
            table.copy fc.0e TABLE_COPY
            table.grow fc.0f TABLE
            table.size fc.10 TABLE
            table.fill fc.11 TABLE
            i64.add128 fc.13
            i64.sub128 fc.14
            i64.mul_wide_s fc.15
            i64.mul_wide_u fc.16
            memory.atomic.notify fe.00 MEMARG 2
            memory.atomic.wait32 fe.01 MEMARG 2
            memory.atomic.wait64 fe.02 MEMARG 3
            atomic.fence fe.03 ZERO_BYTE
            i32.atomic.load fe.10 MEMARG 2
            i64.atomic.load fe.11 MEMARG 3
            i32.atomic.load8_u fe.12 MEMARG 0
            i32.atomic.load16_u fe.13 MEMARG 1
            i64.atomic.load8_u fe.14 MEMARG 0
            i64.atomic.load16_u fe.15 MEMARG 1
            i64.atomic.load32_u fe.16 MEMARG 2
            i32.atomic.store fe.17 MEMARG 2
            i64.atomic.store fe.18 MEMARG 3
            i32.atomic.store8 fe.19 MEMARG 0
            i32.atomic.store16 fe.1a MEMARG 1
            i64.atomic.store8 fe.1b MEMARG 0
            i64.atomic.store16 fe.1c MEMARG 1
            i64.atomic.store32 fe.1d MEMARG 2
            v128.load fd.00 MEMARG 4
            v128.load8x8_s fd.01 MEMARG 3
            v128.load8x8_u fd.02 MEMARG 3
            v128.load16x4_s fd.03 MEMARG 3
            v128.load16x4_u fd.04 MEMARG 3
            v128.load32x2_s fd.05 MEMARG 3
            v128.load32x2_u fd.06 MEMARG 3
            v128.load8_splat fd.07 MEMARG 0
            v128.load16_splat fd.08 MEMARG 1
            v128.load32_splat fd.09 MEMARG 2
            v128.load64_splat fd.0a MEMARG 3
            v128.store fd.0b MEMARG 4
            v128.const fd.0c V128
            i8x16.shuffle fd.0d SHUFFLE
            i8x16.swizzle fd.0e
            i8x16.splat fd.0f
            i16x8.splat fd.10
            i32x4.splat fd.11
            i64x2.splat fd.12
            f32x4.splat fd.13
            f64x2.splat fd.14
            i8x16.extract_lane_s fd.15 LANE
            i8x16.extract_lane_u fd.16 LANE
            i8x16.replace_lane fd.17 LANE
            i16x8.extract_lane_s fd.18 LANE
            i16x8.extract_lane_u fd.19 LANE
            i16x8.replace_lane fd.1a LANE
            i32x4.extract_lane fd.1b LANE
            i32x4.replace_lane fd.1c LANE
            i64x2.extract_lane fd.1d LANE
            i64x2.replace_lane fd.1e LANE
            f32x4.extract_lane fd.1f LANE
            f32x4.replace_lane fd.20 LANE
            f64x2.extract_lane fd.21 LANE
            f64x2.replace_lane fd.22 LANE
            v128.not fd.4d
            v128.and fd.4e
            v128.andnot fd.4f
            v128.or fd.50
            v128.xor fd.51
            v128.bitselect fd.52
            v128.any_true fd.53
            v128.load8_lane fd.54 MEMARG_LANE 0
            v128.load16_lane fd.55 MEMARG_LANE 1
            v128.load32_lane fd.56 MEMARG_LANE 2
            v128.load64_lane fd.57 MEMARG_LANE 3
            v128.store8_lane fd.58 MEMARG_LANE 0
            v128.store16_lane fd.59 MEMARG_LANE 1
            v128.store32_lane fd.5a MEMARG_LANE 2
            v128.store64_lane fd.5b MEMARG_LANE 3
            v128.load32_zero fd.5c MEMARG 2
            v128.load64_zero fd.5d MEMARG 3
            f32x4.demote_f64x2_zero fd.5e
            f64x2.promote_low_f32x4 fd.5f
            i8x16.abs fd.60
            i8x16.neg fd.61
            i8x16.popcnt fd.62
            i8x16.all_true fd.63
            i8x16.bitmask fd.64
            i8x16.narrow_i16x8_s fd.65
            i8x16.narrow_i16x8_u fd.66
            f32x4.ceil fd.67
            f32x4.floor fd.68
            f32x4.trunc fd.69
            f32x4.nearest fd.6a
            i8x16.shl fd.6b
            i8x16.shr_s fd.6c
            i8x16.shr_u fd.6d
            i8x16.add fd.6e
            i8x16.add_sat_s fd.6f
            i8x16.add_sat_u fd.70
            i8x16.sub fd.71
            i8x16.sub_sat_s fd.72
            i8x16.sub_sat_u fd.73
            f64x2.ceil fd.74
            f64x2.floor fd.75
            i8x16.min_s fd.76
            i8x16.min_u fd.77
            i8x16.max_s fd.78
            i8x16.max_u fd.79
            f64x2.trunc fd.7a
            i8x16.avgr_u fd.7b
            i16x8.extadd_pairwise_i8x16_s fd.7c
            i16x8.extadd_pairwise_i8x16_u fd.7d
            i32x4.extadd_pairwise_i16x8_s fd.7e
            i32x4.extadd_pairwise_i16x8_u fd.7f
            i16x8.abs fd.80
            i16x8.neg fd.81
            i16x8.q15mulr_sat_s fd.82
            i16x8.all_true fd.83
            i16x8.bitmask fd.84
            i16x8.narrow_i32x4_s fd.85
            i16x8.narrow_i32x4_u fd.86
            i16x8.extend_low_i8x16_s fd.87
            i16x8.extend_high_i8x16_s fd.88
            i16x8.extend_low_i8x16_u fd.89
            i16x8.extend_high_i8x16_u fd.8a
            i16x8.shl fd.8b
            i16x8.shr_s fd.8c
            i16x8.shr_u fd.8d
            i16x8.add fd.8e
            i16x8.add_sat_s fd.8f
            i16x8.add_sat_u fd.90
            i16x8.sub fd.91
            i16x8.sub_sat_s fd.92
            i16x8.sub_sat_u fd.93
            f64x2.nearest fd.94
            i16x8.mul fd.95
            i16x8.min_s fd.96
            i16x8.min_u fd.97
            i16x8.max_s fd.98
            i16x8.max_u fd.99
            i16x8.avgr_u fd.9b
            i16x8.extmul_low_i8x16_s fd.9c
            i16x8.extmul_high_i8x16_s fd.9d
            i16x8.extmul_low_i8x16_u fd.9e
            i16x8.extmul_high_i8x16_u fd.9f
            i32x4.abs fd.a0
            i32x4.neg fd.a1
            i32x4.all_true fd.a3
            i32x4.bitmask fd.a4
            i32x4.extend_low_i16x8_s fd.a7
            i32x4.extend_high_i16x8_s fd.a8
            i32x4.extend_low_i16x8_u fd.a9
            i32x4.extend_high_i16x8_u fd.aa
            i32x4.shl fd.ab
            i32x4.shr_s fd.ac
            i32x4.shr_u fd.ad
            i32x4.add fd.ae
            i32x4.sub fd.b1
            i32x4.mul fd.b5
            i32x4.min_s fd.b6
            i32x4.min_u fd.b7
            i32x4.max_s fd.b8
            i32x4.max_u fd.b9
            i32x4.dot_i16x8_s fd.ba
            i32x4.extmul_low_i16x8_s fd.bc
            i32x4.extmul_high_i16x8_s fd.bd
            i32x4.extmul_low_i16x8_u fd.be
            i32x4.extmul_high_i16x8_u fd.bf
            i64x2.abs fd.c0
            i64x2.neg fd.c1
            i64x2.all_true fd.c3
            i64x2.bitmask fd.c4
            i64x2.extend_low_i32x4_s fd.c7
            i64x2.extend_high_i32x4_s fd.c8
            i64x2.extend_low_i32x4_u fd.c9
            i64x2.extend_high_i32x4_u fd.ca
            i64x2.shl fd.cb
            i64x2.shr_s fd.cc
            i64x2.shr_u fd.cd
            i64x2.add fd.ce
            i64x2.sub fd.d1
            i64x2.mul fd.d5
            i64x2.eq fd.d6
            i64x2.ne fd.d7
            i64x2.lt_s fd.d8
            i64x2.gt_s fd.d9
            i64x2.le_s fd.da
            i64x2.ge_s fd.db
            i64x2.extmul_low_i32x4_s fd.dc
            i64x2.extmul_high_i32x4_s fd.dd
            i64x2.extmul_low_i32x4_u fd.de
            i64x2.extmul_high_i32x4_u fd.df
            f32x4.abs fd.e0
            f32x4.neg fd.e1
            f32x4.sqrt fd.e3
            f32x4.add fd.e4
            f32x4.sub fd.e5
            f32x4.mul fd.e6
            f32x4.div fd.e7
            f32x4.min fd.e8
            f32x4.max fd.e9
            f32x4.pmin fd.ea
            f32x4.pmax fd.eb
            f64x2.abs fd.ec
            f64x2.neg fd.ed
            f64x2.sqrt fd.ef
            f64x2.add fd.f0
            f64x2.sub fd.f1
            f64x2.mul fd.f2
            f64x2.div fd.f3
            f64x2.min fd.f4
            f64x2.max fd.f5
            f64x2.pmin fd.f6
            f64x2.pmax fd.f7
            i32x4.trunc_sat_f32x4_s fd.f8
            i32x4.trunc_sat_f32x4_u fd.f9
            f32x4.convert_i32x4_s fd.fa
            f32x4.convert_i32x4_u fd.fb
            i32x4.trunc_sat_f64x2_s_zero fd.fc
            i32x4.trunc_sat_f64x2_u_zero fd.fd
            f64x2.convert_low_i32x4_s fd.fe
            f64x2.convert_low_i32x4_u fd.ff
            i8x16.relaxed_swizzle fd.100
            i32x4.relaxed_trunc_f32x4_s fd.101
            i32x4.relaxed_trunc_f32x4_u fd.102
            i32x4.relaxed_trunc_f64x2_s_zero fd.103
            i32x4.relaxed_trunc_f64x2_u_zero fd.104
            f32x4.relaxed_madd fd.105
            f32x4.relaxed_nmadd fd.106
            f64x2.relaxed_madd fd.107
            f64x2.relaxed_nmadd fd.108
            i8x16.relaxed_laneselect fd.109
            i16x8.relaxed_laneselect fd.10a
            i32x4.relaxed_laneselect fd.10b
            i64x2.relaxed_laneselect fd.10c
            f32x4.relaxed_min fd.10d
            f32x4.relaxed_max fd.10e
            f64x2.relaxed_min fd.10f
            f64x2.relaxed_max fd.110
            i16x8.relaxed_q15mulr_s fd.111
            i16x8.relaxed_dot_i8x16_i7x16_s fd.112
            i32x4.relaxed_dot_i8x16_i7x16_add_s fd.113
            """;

    static {
        for (String line : TABLE.split("\n")) {
            String[] p = line.trim().split(" ");
            String code = p[1];
            int dot = code.indexOf('.');
            int prefix = dot < 0 ? -1 : Integer.parseInt(code.substring(0, dot), 16);
            int op = Integer.parseInt(dot < 0 ? code : code.substring(dot + 1), 16);
            Imm imm = p.length > 2 ? Imm.valueOf(p[2]) : Imm.NONE;
            int align = p.length > 3 ? Integer.parseInt(p[3]) : 0;
            OPS.put(p[0], new Opcode(p[0], prefix, op, imm, align));
        }
        addComparisons("i8x16", 0x23, true);
        addComparisons("i16x8", 0x2d, true);
        addComparisons("i32x4", 0x37, true);
        addComparisons("f32x4", 0x41, false);
        addComparisons("f64x2", 0x47, false);
        String[] rmw = {"add", "sub", "and", "or", "xor", "xchg", "cmpxchg"};
        for (int i = 0; i < rmw.length; i++) {
            int base = 0x1e + 7 * i;
            String op = rmw[i];
            addAtomic("i32.atomic.rmw." + op, base, 2);
            addAtomic("i64.atomic.rmw." + op, base + 1, 3);
            addAtomic("i32.atomic.rmw8." + op + "_u", base + 2, 0);
            addAtomic("i32.atomic.rmw16." + op + "_u", base + 3, 1);
            addAtomic("i64.atomic.rmw8." + op + "_u", base + 4, 0);
            addAtomic("i64.atomic.rmw16." + op + "_u", base + 5, 1);
            addAtomic("i64.atomic.rmw32." + op + "_u", base + 6, 2);
        }
    }

    private static void addComparisons(String shape, int base, boolean integer) {
        String[] names = integer
                ? new String[] {"eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"}
                : new String[] {"eq", "ne", "lt", "gt", "le", "ge"};
        for (int i = 0; i < names.length; i++) {
            String name = shape + "." + names[i];
            OPS.put(name, new Opcode(name, 0xfd, base + i, Imm.NONE, 0));
        }
    }

    private static void addAtomic(String name, int code, int align) {
        OPS.put(name, new Opcode(name, 0xfe, code, Imm.MEMARG, align));
    }
}
