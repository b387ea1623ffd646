;; A module with two memories: a pool that allows one memory per module skips it and the
;; commands that use it.
(module (memory 1) (memory 1) (func (export "f") (result i32) (i32.const 1)))
(assert_return (invoke "f") (i32.const 1))
(assert_invalid (module (memory 1) (memory 1) (func (result i32) (i64.const 0))) "type mismatch")
(module (func (export "g") (result i32) (i32.const 2)))
(assert_return (invoke "g") (i32.const 2))
