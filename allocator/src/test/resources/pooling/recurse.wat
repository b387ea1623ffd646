;; Unbounded recursion and an endless loop.
;; Build: wat2wasm recurse.wat -o recurse.wasm
(module
  (func $down (export "down") (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add
    call $down)
  (func (export "spin")
    (loop $l (br $l))))
