;; Chicory 1.7.5: table.fill checks its bounds in signed 32-bit arithmetic: a destination of 2^31
;; or more (or one whose end overflows) passes; V8 traps. All four configurations.
(module
  (table $t 0 2 funcref)
  (func (export "fill") (table.fill $t (i32.const 0x80000000) (ref.null func) (i32.const 0)))
  (func (export "fill-end") (table.fill $t (i32.const 1) (ref.null func) (i32.const 0x7FFFFFFF))))
