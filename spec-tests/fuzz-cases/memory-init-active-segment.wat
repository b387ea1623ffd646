;; Chicory 1.7.5: active data segments are not dropped after instantiation, so memory.init from
;; one copies; the spec (and V8) trap: the segment's length is 0 once the module is instantiated.
;; All four configurations. Reduced by scripts/fuzz from a translate-to-fuzz module.
(module
  (memory (export "memory") 1)
  (data (i32.const 27) "\00\00\00\00\00\00")
  (func (export "init") (memory.init 0 (i32.const 0) (i32.const 1) (i32.const 5))))
