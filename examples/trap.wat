;; Functions that trap, each in its own way, to show how wasmrun reports traps.
(module $trap
  (memory 1)
  ;; divide(a, b) = a / b: traps with "integer divide by zero" when b = 0.
  (func $divide (export "divide") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))
  ;; average(a, b) calls divide, so a trap shows a two-frame backtrace.
  (func $average (export "average") (param $a i32) (param $b i32) (result i32)
    (call $divide (i32.add (local.get $a) (local.get $b)) (i32.const 0)))
  ;; unreachable: traps with "unreachable".
  (func (export "unreachable") (unreachable))
  ;; load(addr): traps with "out of bounds memory access" past the first 64 KiB.
  (func (export "load") (param $addr i32) (result i32)
    (i32.load (local.get $addr)))
  ;; recurse(n): unbounded recursion, traps with "call stack exhausted".
  (func $recurse (export "recurse") (param $n i32) (result i32)
    (i32.add (i32.const 1) (call $recurse (local.get $n))))
  ;; grow_forever(): grows memory until it fails, then returns the page count reached.
  (func (export "grow_forever") (result i32)
    (block $full
      (loop $more
        (br_if $full (i32.eq (memory.grow (i32.const 256)) (i32.const -1)))
        (br $more)))
    (memory.size))
  ;; The WASI entry point divides by zero, so `wasmrun trap.wasm` traps too.
  (func (export "_start")
    (drop (call $average (i32.const 1) (i32.const 2)))))
