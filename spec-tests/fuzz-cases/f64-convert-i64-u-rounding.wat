;; Chicory 1.7.5: f64.convert_i64_u of 2^64 - 1024 is 0x43efffffffffffff instead of
;; 0x43f0000000000000 (2^64, round to nearest, ties to even). All four configurations.
(module
  (func (export "convert") (result f64) (f64.convert_i64_u (i64.const -1024))))
