;; The start function traps during instantiation.
(module
  (func $boom (unreachable))
  (start $boom)
  (func (export "f") (result i32) (i32.const 1)))
