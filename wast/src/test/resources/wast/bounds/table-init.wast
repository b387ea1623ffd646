;; table.init d s n traps when s + n exceeds the segment or d + n the table, both computed without
;; wrapping, before it writes anything. Chicory 1.7.5 added them as 32-bit ints: a source offset of
;; 0xFFFFFFFF ended in java.lang.IndexOutOfBoundsException (Index: -1 Size: 2), sums past 2^31
;; passed the check, and with n = 0 an offset past the end did not trap.
(module
  (table $t 4 funcref)
  (elem $e func $f0 $f1)
  (func $f0 (result i32) (i32.const 10))
  (func $f1 (result i32) (i32.const 11))
  (func (export "init") (param i32 i32 i32) (table.init $t $e (local.get 0) (local.get 1) (local.get 2)))
  (func (export "call") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0)))
  (func (export "drop") (elem.drop $e))
)
(assert_trap (invoke "init" (i32.const 0) (i32.const 0xFFFFFFFF) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 0) (i32.const 0xFFFFFFFF) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 0) (i32.const 0x80000000) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 0xFFFFFFFF) (i32.const 0) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 0xFFFFFFFF) (i32.const 0) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 1) (i32.const 1) (i32.const 0x7FFFFFFF)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 1) (i32.const 1) (i32.const 0xFFFFFFFF)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 0) (i32.const 1) (i32.const 2)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 3) (i32.const 0) (i32.const 2)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 5) (i32.const 0) (i32.const 0)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 0) (i32.const 3) (i32.const 0)) "out of bounds table access")
;; none of them wrote an element
(assert_trap (invoke "call" (i32.const 0)) "uninitialized element")
(assert_trap (invoke "call" (i32.const 3)) "uninitialized element")
;; at the ends, n = 0 is in bounds
(assert_return (invoke "init" (i32.const 4) (i32.const 2) (i32.const 0)))
(assert_return (invoke "init" (i32.const 2) (i32.const 0) (i32.const 2)))
(assert_return (invoke "call" (i32.const 2)) (i32.const 10))
(assert_return (invoke "call" (i32.const 3)) (i32.const 11))
;; a dropped segment has no elements
(invoke "drop")
(assert_return (invoke "init" (i32.const 0) (i32.const 0) (i32.const 0)))
(assert_trap (invoke "init" (i32.const 0) (i32.const 0) (i32.const 1)) "out of bounds table access")
(assert_trap (invoke "init" (i32.const 0) (i32.const 0xFFFFFFFF) (i32.const 0)) "out of bounds table access")
;; call_indirect, table.get and table.set take the index unsigned
(assert_trap (invoke "call" (i32.const 0xFFFFFFFF)) "undefined element")
(assert_trap (invoke "call" (i32.const 4)) "undefined element")

(module
  (table $t 2 externref)
  (func (export "get") (param i32) (result externref) (table.get $t (local.get 0)))
  (func (export "set") (param i32) (table.set $t (local.get 0) (ref.null extern)))
)
(assert_trap (invoke "get" (i32.const 0xFFFFFFFF)) "out of bounds table access")
(assert_trap (invoke "get" (i32.const 2)) "out of bounds table access")
(assert_trap (invoke "set" (i32.const 0xFFFFFFFF)) "out of bounds table access")
(assert_trap (invoke "set" (i32.const 2)) "out of bounds table access")
(assert_return (invoke "get" (i32.const 1)) (ref.null extern))

;; Active segments are table.init at instantiation: an offset past the end traps, also with no
;; elements.
(assert_trap (module (table 1 funcref) (elem (i32.const 0xFFFFFFFF) func)) "out of bounds table access")
(assert_trap (module (table 1 funcref) (elem (i32.const 2) func)) "out of bounds table access")
(assert_trap (module (table 1 funcref) (func $f) (elem (i32.const 0xFFFFFFFF) $f)) "out of bounds table access")
(module (table 1 funcref) (elem (i32.const 1) func))
