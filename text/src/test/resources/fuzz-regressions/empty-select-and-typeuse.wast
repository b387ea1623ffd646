(module (func (call_indirect (type 99) (param i32)) (select (result))))
