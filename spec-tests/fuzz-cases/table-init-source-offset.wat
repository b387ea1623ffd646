;; Engine bug (branch engine): table.init with a source offset near 2^32 throws
;; ArrayIndexOutOfBoundsException (OpcodeImpl.TABLE_INIT) instead of trapping. All configurations.
(module
  (table $t 1 1001 funcref)
  (func $c0)
  (elem $e0 func $c0 $c0 $c0 $c0)
  (func (export "init") (table.init $t $e0 (i32.const -1) (i32.const 0xFFFFFFFF) (i32.const 2))))
