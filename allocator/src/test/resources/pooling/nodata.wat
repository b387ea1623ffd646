;; A memory without data segments.
;; Build: wat2wasm nodata.wat -o nodata.wasm
(module
  (memory (export "memory") 1 2)
  (func (export "load8") (param i32) (result i32)
    local.get 0
    i32.load8_u)
  (func (export "store8") (param i32 i32)
    local.get 0
    local.get 1
    i32.store8))
