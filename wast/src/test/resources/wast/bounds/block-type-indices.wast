;; Block types that name a type index Chicory 1.7.5's parser misreads. It reads the immediate of
;; block, loop, if and try_table as an unsigned LEB128 and compares it with the value-type opcodes,
;; so type index 64 (\c0\00) is read as the empty block type 0x40, 127 as i32, 100 as (ref ...),
;; and so on for 0x63..0x7f: valid bodies were rejected ("type mismatch, mismatching stack
;; height", the fuzz case validator-stack-height.wat) or ran with the wrong block type. wasmrun
;; rewrites such a module (BlockTypeIndices) so that the blocks name a copy of their type.

;; Type 64 is () -> (i32 i32): Chicory read the block as empty and rejected the two values.
(module
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 0..7
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 8..15
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 16..23
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 24..31
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 32..39
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 40..47
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 48..55
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 56..63
  (type (;64;) (func (result i32 i32)))
  (func (export "pair") (result i32)
    block (type 64)
      i32.const 40
      i32.const 2
    end
    i32.add)
)
(assert_return (invoke "pair") (i32.const 42))

;; Type 64 is (i32) -> (i32): valid also with the block read as empty, but then `br 0` leaves
;; the 5 below the block instead of the 7 it carries.
(module
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 0..7
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 8..15
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 16..23
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 24..31
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 32..39
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 40..47
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 48..55
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 56..63
  (type (;64;) (func (param i32) (result i32)))
  (func (export "block") (result i32)
    i32.const 5
    block (type 64)
      i32.const 7
      br 0
    end)
)
(assert_return (invoke "block") (i32.const 7))

;; The same type in a loop and an if (rejected).
(module
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 0..7
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 8..15
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 16..23
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 24..31
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 32..39
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 40..47
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 48..55
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 56..63
  (type (;64;) (func (param i32) (result i32)))
  (func (export "loop") (param i32) (result i32)
    local.get 0
    loop (type 64)
      i32.const 1
      i32.sub
      local.tee 0
      local.get 0
      br_if 0
    end)
  (func (export "if") (param i32) (result i32)
    i32.const 10
    local.get 0
    if (type 64)
      i32.const 1
      i32.add
    else
      i32.const 2
      i32.mul
    end)
)
(assert_return (invoke "loop" (i32.const 3)) (i32.const 0))
(assert_return (invoke "if" (i32.const 1)) (i32.const 11))
(assert_return (invoke "if" (i32.const 0)) (i32.const 20))

;; Type 100 (0x64, the opcode of (ref ...)) made Chicory read a heap type from the next
;; instruction; type 127 (0x7f) was read as i32.
(module
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 0..7
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 8..15
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 16..23
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 24..31
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 32..39
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 40..47
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 48..55
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 56..63
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 64..71
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 72..79
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 80..87
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 88..95
  (type (func)) (type (func)) (type (func)) (type (func))  ;; 96..99
  (type (;100;) (func (param i64) (result i64)))
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 101..108
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 109..116
  (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 117..124
  (type (func)) (type (func))  ;; 125..126
  (type (;127;) (func (param i32 i32) (result i32)))
  (func (export "ref") (param i64) (result i64)
    local.get 0
    block (type 100)
      i64.const 1
      i64.add
    end)
  (func (export "i32") (param i32) (result i32)
    local.get 0
    i32.const 3
    block (type 127)
      i32.sub
    end)
)
(assert_return (invoke "ref" (i64.const 41)) (i64.const 42))
(assert_return (invoke "i32" (i32.const 45)) (i32.const 42))

;; Invalid bodies must stay invalid: type 64 is (i32) -> (i32), and the block has no operand
;; (valid with the block read as empty, and accepted by Chicory).
(assert_invalid
  (module
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 0..7
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 8..15
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 16..23
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 24..31
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 32..39
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 40..47
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 48..55
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 56..63
    (type (;64;) (func (param i32) (result i32)))
    (func
      block (type 64)
      end))
  "type mismatch")
;; ... and one value short of type 64's two.
(assert_invalid
  (module
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 0..7
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 8..15
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 16..23
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 24..31
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 32..39
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 40..47
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 48..55
    (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func)) (type (func))  ;; 56..63
    (type (;64;) (func (result i32 i32)))
    (func (result i32)
      block (type 64)
        i32.const 1
      end
      i32.add))
  "type mismatch")
