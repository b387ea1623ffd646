;; Not a valid script: wast2json rejects it.
(module (func (result i32) (i32.const 1))
(assert_return (invoke "f") (i32.const 1)))))
