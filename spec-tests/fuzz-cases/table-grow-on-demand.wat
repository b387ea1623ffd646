;; Engine bug (branch engine): table.grow by 0x7FFFFFFF throws NegativeArraySizeException
;; (TableInstance.grow) on the on-demand allocator instead of returning -1; pooling is right.
(module
  (table $t 8 10 funcref)
  (func (export "grow") (result i32) (table.grow $t (ref.null func) (i32.const 0x7FFFFFFF))))
