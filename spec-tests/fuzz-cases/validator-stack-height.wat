;; Chicory 1.7.5: the validator rejects this valid module ("type mismatch, mismatching stack
;; height"); wabt's wasm-validate and V8 accept it. From module 1000-11623 of the seed-1000
;; campaign (func 104 of it, first reduced by line ranges to 527 lines), then reduced by deleting
;; lines and blocks while wabt still validated it and Chicory still rejected it, down to one
;; `if (type 64)`: Chicory's parser reads a block type as an unsigned LEB128, so type index 64
;; (0xc0 0x00) is read as 0x40, the empty block type, and the if's two results as too many (the
;; check in Validator.popCtrl). Fuzz module 2027-21209 has the same `if (type 64)`. Fixed in
;; wasmrun: io.wasmrun.runtime.validate.BlockTypeIndices names a copy of the type instead.
(module
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 0..7
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 8..15
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 16..23
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 24..31
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 32..39
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 40..47
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 48..55
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 56..63
  (type (;64;) (func (result f32 i32)))
  (import "fuzzing-support" "log-i32" (func (;0;) (param i32)))
  (global (mut i32) (i32.const 1))
  (func (;1;) (export "main")
    global.get 0
    if (type 64)
      f32.const -0x1p+0
      i32.const -6881199
    else
      f32.const 0x1p+0
      i32.const 7
    end
    call 0
    drop))
