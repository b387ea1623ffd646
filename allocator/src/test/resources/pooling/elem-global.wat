;; An element segment whose offset is an imported global: no element image, Chicory applies it.
;; Build: wat2wasm elem-global.wat -o elem-global.wasm
(module
  (import "env" "base" (global i32))
  (table 4 funcref)
  (elem (global.get 0) $answer)
  (func $answer (result i32)
    i32.const 42)
  (func (export "call") (param i32) (result i32)
    local.get 0
    call_indirect (result i32)))
