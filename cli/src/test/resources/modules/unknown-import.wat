;; Imports a function no host defines.
(module
  (import "env" "missing_function" (func $missing (param i32)))
  (func (export "_start") (call $missing (i32.const 1))))
