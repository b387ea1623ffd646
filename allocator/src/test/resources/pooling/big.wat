;; A 100-page memory and a 30000-element table.
;; Build: wat2wasm big.wat -o big.wasm
(module
  (memory 100)
  (table 30000 funcref))
