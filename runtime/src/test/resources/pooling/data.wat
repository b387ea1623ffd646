;; A memory with data (copy-on-write image) and a table, for the pooling allocator tests.
;; Build: wat2wasm data.wat -o data.wasm
(module
  (memory (export "memory") 2 8)
  (data (i32.const 100) "hello")
  (data (i32.const 70000) "world")
  (table (export "table") 4 8 funcref)
  (elem (i32.const 1) $load8)
  (func $load8 (export "load8") (param i32) (result i32)
    local.get 0
    i32.load8_u)
  (func (export "store8") (param i32 i32)
    local.get 0
    local.get 1
    i32.store8)
  ;; Fills the whole current memory with byte $v.
  (func (export "fill") (param $v i32)
    i32.const 0
    local.get $v
    memory.size
    i32.const 16
    i32.shl
    memory.fill)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)
  (func (export "size") (result i32)
    memory.size)
  (func (export "table_size") (result i32)
    table.size 0)
  (func (export "table_grow") (param i32) (result i32)
    ref.null func
    local.get 0
    table.grow 0)
  (func (export "call1") (param i32) (result i32)
    local.get 0
    i32.const 1
    call_indirect (param i32) (result i32))
  (func (export "set_table") (param i32)
    local.get 0
    ref.func $load8
    table.set 0)
  (func (export "is_null") (param i32) (result i32)
    local.get 0
    table.get 0
    ref.is_null))
