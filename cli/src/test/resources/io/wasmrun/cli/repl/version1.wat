;; The first build of a module that `:reload` replaces with version2.wasm.
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "version") (result i32) (i32.const 1)))
