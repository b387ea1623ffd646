;; Two memories and two tables: more than the default pool allows per module.
;; Build: wat2wasm --enable-multi-memory two-memories.wat -o two-memories.wasm
(module
  (memory 1)
  (memory 1)
  (table 1 funcref)
  (table 1 funcref))
