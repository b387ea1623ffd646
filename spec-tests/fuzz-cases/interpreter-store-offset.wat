;; Engine bug (branch engine): the interpreter adds a store's offset to its address in 32 bits,
;; so these stores write (at 16, at 21) instead of trapping. The compiler is right.
(module
  (memory (export "memory") 1)
  (func (export "store8") (i32.store8 offset=0xFFFFFFF0 (i32.const 0x20) (i32.const 7)))
  (func (export "store32") (i64.store32 offset=22 (i32.const -1) (i64.const 0))))
