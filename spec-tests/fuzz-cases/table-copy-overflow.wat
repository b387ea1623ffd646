;; Chicory 1.7.5: table.copy's bounds check overflows in 32 bits, then the copy indexes the table
;; with -2^31: ArrayIndexOutOfBoundsException escapes (TableInstance.instance on the on-demand
;; allocator, PooledTable.instance on pooling); V8 traps.
(module
  (table $t 4 20 funcref)
  (func (export "copy") (table.copy $t $t (i32.const 0x7FFFFFFF) (i32.const 1) (i32.const 2))))
