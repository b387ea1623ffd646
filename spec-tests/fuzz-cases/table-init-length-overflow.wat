;; Chicory 1.7.5: table.init's bounds check overflows in 32 bits (source + length); V8 traps.
;; All four configurations. (The source offset near 2^32 that throws is the engine branch's bug.)
(module
  (table $t 4 20 funcref)
  (func $c0)
  (elem $e0 func $c0 $c0 $c0 $c0)
  (func (export "init") (table.init $t $e0 (i32.const 1) (i32.const 65535) (i32.const 0x7FFFFFFF))))
