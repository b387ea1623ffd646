;; Decodes but does not validate: the function must return an i32 and returns nothing.
(module (func (export "f") (result i32)))
