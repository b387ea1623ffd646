;; table.copy and table.fill check d + n and s + n without wrapping before writing anything, and a
;; copied element keeps the instance of its source entry. Chicory 1.7.5 added 32-bit ints (sums past
;; 2^31 passed the check, n = 0 past the end did not trap, table.fill at 0xFFFFFFFF failed in the
;; table), took the instance of a copied entry from the destination index of the source table (a
;; valid copy to an index past the source table's size crashed with
;; ArrayIndexOutOfBoundsException).
(module
  (table $t 4 funcref)
  (table $small 2 funcref)
  (table $big 8 funcref)
  (elem (table $t) (i32.const 0) func $f0 $f1)
  (elem (table $small) (i32.const 0) func $f2 $f3)
  (func $f0 (result i32) (i32.const 10))
  (func $f1 (result i32) (i32.const 11))
  (func $f2 (result i32) (i32.const 12))
  (func $f3 (result i32) (i32.const 13))
  (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy small to big") (param i32 i32 i32) (table.copy $big $small (local.get 0) (local.get 1) (local.get 2)))
  (func (export "fill") (param i32 i32) (table.fill $t (local.get 0) (ref.func $f3) (local.get 1)))
  (func (export "call") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0)))
  (func (export "call big") (param i32) (result i32) (call_indirect $big (result i32) (local.get 0)))
)
(assert_trap (invoke "copy" (i32.const 1) (i32.const 1) (i32.const 0x7FFFFFFF)) "out of bounds table access")
(assert_trap (invoke "copy" (i32.const 1) (i32.const 1) (i32.const 0xFFFFFFFF)) "out of bounds table access")
(assert_trap (invoke "copy" (i32.const 0) (i32.const 0xFFFFFFFF) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "copy" (i32.const 0xFFFFFFFF) (i32.const 0) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "copy" (i32.const 0) (i32.const 0xFFFFFFFF) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "copy" (i32.const 0xFFFFFFFF) (i32.const 0) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "copy" (i32.const 5) (i32.const 0) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "copy" (i32.const 3) (i32.const 0) (i32.const 2)) "out of bounds table access")
(assert_trap (invoke "fill" (i32.const 0xFFFFFFFF) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "fill" (i32.const 0xFFFFFFFF) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "fill" (i32.const 1) (i32.const 0x7FFFFFFF)) "out of bounds table access")
(assert_trap (invoke "fill" (i32.const 1) (i32.const 0xFFFFFFFF)) "out of bounds table access")
(assert_trap (invoke "fill" (i32.const 5) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "fill" (i32.const 3) (i32.const 2)) "out of bounds table access")
;; nothing was written
(assert_return (invoke "call" (i32.const 0)) (i32.const 10))
(assert_return (invoke "call" (i32.const 1)) (i32.const 11))
(assert_trap (invoke "call" (i32.const 2)) "uninitialized element")
(assert_trap (invoke "call" (i32.const 3)) "uninitialized element")
;; n = 0 at the end is in bounds
(assert_return (invoke "copy" (i32.const 4) (i32.const 4) (i32.const 0)))
(assert_return (invoke "fill" (i32.const 4) (i32.const 0)))
;; overlapping copies, both directions
(assert_return (invoke "copy" (i32.const 1) (i32.const 0) (i32.const 2)))
(assert_return (invoke "call" (i32.const 0)) (i32.const 10))
(assert_return (invoke "call" (i32.const 1)) (i32.const 10))
(assert_return (invoke "call" (i32.const 2)) (i32.const 11))
(assert_return (invoke "copy" (i32.const 0) (i32.const 1) (i32.const 2)))
(assert_return (invoke "call" (i32.const 0)) (i32.const 10))
(assert_return (invoke "call" (i32.const 1)) (i32.const 11))
(assert_return (invoke "call" (i32.const 2)) (i32.const 11))
(assert_return (invoke "fill" (i32.const 3) (i32.const 1)))
(assert_return (invoke "call" (i32.const 3)) (i32.const 13))
;; into a larger table, past the size of the source
(assert_return (invoke "copy small to big" (i32.const 5) (i32.const 0) (i32.const 2)))
(assert_return (invoke "call big" (i32.const 5)) (i32.const 12))
(assert_return (invoke "call big" (i32.const 6)) (i32.const 13))
(assert_trap (invoke "copy small to big" (i32.const 7) (i32.const 0) (i32.const 2)) "out of bounds table access")
(assert_trap (invoke "copy small to big" (i32.const 0) (i32.const 1) (i32.const 2)) "out of bounds table access")

;; A shared table holding functions of two instances: a copied entry still calls its own
;; instance's function, whichever instance calls it.
(module $A
  (table (export "t") 4 funcref)
  (elem (i32.const 0) func $a)
  (func $a (result i32) (i32.const 10))
  (func (export "call") (param i32) (result i32) (call_indirect (result i32) (local.get 0)))
)
(register "A" $A)
(module $B
  (import "A" "t" (table 4 funcref))
  (elem (i32.const 1) func $b)
  (func $b (result i32) (i32.const 20))
  (func (export "copy") (param i32 i32 i32) (table.copy (local.get 0) (local.get 1) (local.get 2)))
)
(assert_return (invoke $A "call" (i32.const 1)) (i32.const 20))
(assert_return (invoke $B "copy" (i32.const 2) (i32.const 1) (i32.const 1)))
(assert_return (invoke $A "call" (i32.const 2)) (i32.const 20))
(assert_return (invoke $B "copy" (i32.const 3) (i32.const 0) (i32.const 1)))
(assert_return (invoke $A "call" (i32.const 3)) (i32.const 10))
(assert_return (invoke $B "copy" (i32.const 0) (i32.const 1) (i32.const 1)))
(assert_return (invoke $A "call" (i32.const 0)) (i32.const 20))
