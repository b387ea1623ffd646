;; A data segment whose offset is an imported global: no image, the data is copied.
;; Build: wat2wasm imported-offset.wat -o imported-offset.wasm
(module
  (import "env" "base" (global i32))
  (memory (export "memory") 1 4)
  (data (global.get 0) "abc")
  (func (export "load8") (param i32) (result i32)
    local.get 0
    i32.load8_u)
  (func (export "fill") (param $v i32)
    i32.const 0
    local.get $v
    memory.size
    i32.const 16
    i32.shl
    memory.fill))
