;; A shared memory driven through wasm atomics.
;; Build: wat2wasm --enable-threads atomics.wat -o atomics.wasm
(module
  (memory (export "memory") 1 2 shared)
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.atomic.rmw.add)
  (func (export "add8") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.atomic.rmw8.add_u)
  (func (export "cmpxchg64") (param i32 i64 i64) (result i64)
    local.get 0
    local.get 1
    local.get 2
    i64.atomic.rmw.cmpxchg)
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.atomic.load)
  (func (export "wait") (param i32 i32 i64) (result i32)
    local.get 0
    local.get 1
    local.get 2
    memory.atomic.wait32)
  (func (export "notify") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    memory.atomic.notify)
  (func (export "grow") (param i32) (result i32)
    local.get 0
    memory.grow))
