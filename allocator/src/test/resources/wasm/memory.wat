;; Exercises one linear memory through every kind of access the allocator tests check.
;; Build: wat2wasm memory.wat -o memory.wasm
(module
  (memory (export "memory") 1 4)
  (data (i32.const 16) "hello")
  (data (i32.const 65531) "edge!")
  (data $passive "passive!")
  (table (export "table") 2 funcref)
  (elem (i32.const 0) $load8)
  (func $load8 (export "load8") (param i32) (result i32)
    local.get 0
    i32.load8_u)
  (func (export "load32") (param i32) (result i32)
    local.get 0
    i32.load)
  (func (export "store32") (param i32 i32)
    local.get 0
    local.get 1
    i32.store)
  (func (export "load64") (param i32) (result i64)
    local.get 0
    i64.load)
  (func (export "store64") (param i32 i64)
    local.get 0
    local.get 1
    i64.store)
  (func (export "load32_offset16") (param i32) (result i32)
    local.get 0
    i32.load offset=16)
  (func (export "loadf64") (param i32) (result f64)
    local.get 0
    f64.load)
  (func (export "storef32") (param i32 f32)
    local.get 0
    local.get 1
    f32.store)
  (func (export "load16_s") (param i32) (result i32)
    local.get 0
    i32.load16_s)
  (func (export "store8") (param i32 i32)
    local.get 0
    local.get 1
    i32.store8)
  (func (export "call_indirect0") (param i32) (result i32)
    local.get 0
    i32.const 0
    call_indirect (param i32) (result i32))
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow)
  (func (export "size") (result i32)
    memory.size)
  (func (export "fill") (param i32 i32 i32)
    local.get 0
    local.get 1
    local.get 2
    memory.fill)
  (func (export "copy") (param i32 i32 i32)
    local.get 0
    local.get 1
    local.get 2
    memory.copy)
  (func (export "init") (param i32 i32 i32)
    local.get 0
    local.get 1
    local.get 2
    memory.init $passive)
  (func (export "drop")
    data.drop $passive)
  (func $depth (export "depth") (param i32) (result i32)
    local.get 0
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get 0
      i32.const 1
      i32.sub
      call $depth
      i32.const 1
      i32.add
    end))
