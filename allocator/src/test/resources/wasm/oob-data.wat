;; An active data segment that ends one byte past the initial memory: instantiation must fail.
;; Build: wat2wasm oob-data.wat -o oob-data.wasm
(module
  (memory 1)
  (data (i32.const 65535) "ab"))
