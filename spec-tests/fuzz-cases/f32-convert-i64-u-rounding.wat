;; Chicory 1.7.5: f32.convert_i64_u rounds twice (through f64): 2^63 + 1 becomes 0x5f000001
;; instead of 0x5f000000 (round to nearest, ties to even). All four configurations.
(module
  (func (export "convert") (result f32) (f32.convert_i64_u (i64.const 0x8000000000000001))))
