;; A data segment beyond the initial memory: instantiation traps (no image is built).
;; Build: wat2wasm oob-data.wat -o oob-data.wasm
(module
  (memory 1)
  (data (i32.const 65534) "abcd"))
