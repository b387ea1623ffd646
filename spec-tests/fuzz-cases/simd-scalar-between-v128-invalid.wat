;; The SIMD lowering (runtime/.../simd/Operands.java), the shape of simd-scalar-between-v128-values.wat
;; with an i32 between the two v128 values: the lowered module does not validate, so every wasmrun
;; configuration fails at load with "internal error: the SIMD lowering of the module does not
;; decode: type mismatch: instruction requires [i64] but stack has [i32] - ..." where V8 returns
;; v128:0x00000004000000030000000200000001 i32:5 v128:0x00000009000000080000000700000006. Found
;; by the seed-3001 --features +simd campaign in 541 of its 2375 translate-to-fuzz modules, as
;; escaped:com.dylibso.chicory.wasm.InvalidException@Validator.validateFunction.
(module
  (func (export "f") (result v128 i32 v128)
    (v128.const i32x4 1 2 3 4) (i32.const 5) (v128.const i32x4 6 7 8 9)))
