;; scripts/fuzz --seed 2028 module 39233, reduced: not a wasmrun bug. f64.add of two NaNs may return
;; either operand's payload (quieted), and the JVM's choice differs from V8's and between its own
;; interpreter and JIT tiers; the sum is stored, its high word read back into a branch, so one engine
;; logs before memory.copy traps and the other traps at once. The fuzzer checks such divergences on
;; the module's --denan variant, where they vanish. Replays may or may not diverge.
(module
  (type (;0;) (func))
  (type (;1;) (func (param f32)))
  (import "fuzzing-support" "log-f32" (func (;0;) (type 1)))
  (func (;1;) (type 0)
    i32.const 22
    f64.const -nan:0xfffffffffffc8 (;=-nan;)
    f64.const nan:0xfff806f116669 (;=nan;)
    f64.add
    f64.store align=2)
  (func (;2;) (type 0)
    i32.const 22
    i64.load32_s align=2
    i64.const 0
    i64.ge_s
    if  ;; label = @1
      f32.const 0x0p+0 (;=0;)
      call 0
    end
    i32.const 0
    i32.const 14
    i32.const -524288
    memory.copy)
  (memory (;0;) 16 17)
  (export "func_5_invoker" (func 1))
  (export "func_12_invoker" (func 2)))
