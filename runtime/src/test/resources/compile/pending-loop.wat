;; A hot loop entered once with a value pending below it on the wasm operand stack, so
;; Chicory's bytecode reaches the loop header with a non-empty JVM operand stack. A loop
;; with a parameter does the same. `run` returns 1000 + sum(0..n-1) + n (mod 2^32).
(module
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    i32.const 1000
    (loop $l
      local.get $acc
      local.get $i
      i32.add
      local.set $acc
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.lt_u
      br_if $l)
    local.get $acc
    i32.add
    local.get $n
    (loop $p (param i32) (result i32)
      i32.const 1
      i32.sub
      local.tee $i
      local.get $i
      i32.const 0
      i32.gt_s
      br_if $p)
    drop
    local.get $n
    i32.add))
