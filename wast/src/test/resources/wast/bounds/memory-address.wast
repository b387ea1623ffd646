;; Loads and stores address unsigned i32 base + unsigned offset, computed without wrapping
;; (33 bits): an effective address at or past 2^32 traps and writes nothing. Chicory 1.7.5's
;; interpreter truncated base + offset to 32 bits for i32.store8, i64.store8 and i64.store32, so
;; offset=0xFFFFFFF0 on base 0x20 wrote address 16 instead of trapping.
(module
  (memory $m0 1)
  (memory $m1 1)
  (data $d0 (memory $m0) (i32.const 16) "\aa\bb\cc\dd\ee\ff\11\22")
  (data $d1 (memory $m1) (i32.const 16) "\aa\bb\cc\dd\ee\ff\11\22")

  ;; offset=0xFFFFFFF0: base 0x20 gives 0x1_0000_0010, base 0x0F gives 0xFFFF_FFFF
  (func (export "i32.store8 hi") (param i32) (i32.store8 offset=0xFFFFFFF0 (local.get 0) (i32.const 7)))
  (func (export "i32.store16 hi") (param i32) (i32.store16 offset=0xFFFFFFF0 (local.get 0) (i32.const 7)))
  (func (export "i32.store hi") (param i32) (i32.store offset=0xFFFFFFF0 (local.get 0) (i32.const 7)))
  (func (export "i64.store8 hi") (param i32) (i64.store8 offset=0xFFFFFFF0 (local.get 0) (i64.const 7)))
  (func (export "i64.store16 hi") (param i32) (i64.store16 offset=0xFFFFFFF0 (local.get 0) (i64.const 7)))
  (func (export "i64.store32 hi") (param i32) (i64.store32 offset=0xFFFFFFF0 (local.get 0) (i64.const 7)))
  (func (export "i64.store hi") (param i32) (i64.store offset=0xFFFFFFF0 (local.get 0) (i64.const 7)))
  (func (export "f32.store hi") (param i32) (f32.store offset=0xFFFFFFF0 (local.get 0) (f32.const 7)))
  (func (export "f64.store hi") (param i32) (f64.store offset=0xFFFFFFF0 (local.get 0) (f64.const 7)))
  (func (export "i32.load8_u hi") (param i32) (result i32) (i32.load8_u offset=0xFFFFFFF0 (local.get 0)))
  (func (export "i32.load hi") (param i32) (result i32) (i32.load offset=0xFFFFFFF0 (local.get 0)))
  (func (export "i64.load32_u hi") (param i32) (result i64) (i64.load32_u offset=0xFFFFFFF0 (local.get 0)))
  (func (export "i64.load hi") (param i32) (result i64) (i64.load offset=0xFFFFFFF0 (local.get 0)))

  ;; offset=0x20: base 0xFFFFFFF0 gives 0x1_0000_0010
  (func (export "i32.store8 lo") (param i32) (i32.store8 offset=0x20 (local.get 0) (i32.const 7)))
  (func (export "i64.store8 lo") (param i32) (i64.store8 offset=0x20 (local.get 0) (i64.const 7)))
  (func (export "i64.store32 lo") (param i32) (i64.store32 offset=0x20 (local.get 0) (i64.const 7)))
  (func (export "i32.store lo") (param i32) (i32.store offset=0x20 (local.get 0) (i32.const 7)))
  (func (export "i32.load8_u lo") (param i32) (result i32) (i32.load8_u offset=0x20 (local.get 0)))

  ;; the last bytes of the page
  (func (export "i32.store8 end") (param i32) (i32.store8 offset=0xFFFF (local.get 0) (i32.const 0x5a)))
  (func (export "i64.store32 end") (param i32) (i64.store32 offset=0xFFFC (local.get 0) (i64.const 0x5a5a5a5a)))
  (func (export "i32.load8_u end") (param i32) (result i32) (i32.load8_u offset=0xFFFF (local.get 0)))

  ;; the second memory
  (func (export "m1 i32.store8 hi") (param i32) (i32.store8 $m1 offset=0xFFFFFFF0 (local.get 0) (i32.const 7)))
  (func (export "m1 i64.store32 hi") (param i32) (i64.store32 $m1 offset=0xFFFFFFF0 (local.get 0) (i64.const 7)))

  (func (export "m0 u64") (param i32) (result i64) (i64.load $m0 (local.get 0)))
  (func (export "m1 u64") (param i32) (result i64) (i64.load $m1 (local.get 0)))
)

(assert_trap (invoke "i32.store8 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i32.store16 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i32.store hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i64.store8 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i64.store16 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i64.store32 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i64.store hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "f32.store hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "f64.store hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i32.store8 hi" (i32.const 0x0F)) "out of bounds memory access")
(assert_trap (invoke "i64.store32 hi" (i32.const 0x0F)) "out of bounds memory access")
(assert_trap (invoke "i32.store8 hi" (i32.const 0xFFFFFFFF)) "out of bounds memory access")
(assert_trap (invoke "i64.store32 hi" (i32.const 0xFFFFFFFF)) "out of bounds memory access")
(assert_trap (invoke "i32.load8_u hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i32.load hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i64.load32_u hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i64.load hi" (i32.const 0x20)) "out of bounds memory access")

(assert_trap (invoke "i32.store8 lo" (i32.const 0xFFFFFFF0)) "out of bounds memory access")
(assert_trap (invoke "i64.store8 lo" (i32.const 0xFFFFFFF0)) "out of bounds memory access")
(assert_trap (invoke "i64.store32 lo" (i32.const 0xFFFFFFF0)) "out of bounds memory access")
(assert_trap (invoke "i32.store lo" (i32.const 0xFFFFFFF0)) "out of bounds memory access")
(assert_trap (invoke "i32.load8_u lo" (i32.const 0xFFFFFFF0)) "out of bounds memory access")

(assert_trap (invoke "m1 i32.store8 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "m1 i64.store32 hi" (i32.const 0x20)) "out of bounds memory access")

;; nothing above was written: the data at 16 is intact in both memories
(assert_return (invoke "m0 u64" (i32.const 16)) (i64.const 0x2211ffeeddccbbaa))
(assert_return (invoke "m1 u64" (i32.const 16)) (i64.const 0x2211ffeeddccbbaa))
(assert_return (invoke "m0 u64" (i32.const 0)) (i64.const 0))

;; in bounds up to the last byte, out of bounds one byte further
(assert_return (invoke "i32.store8 end" (i32.const 0)))
(assert_return (invoke "i32.load8_u end" (i32.const 0)) (i32.const 0x5a))
(assert_trap (invoke "i32.store8 end" (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "i32.load8_u end" (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "i64.store32 end" (i32.const 0)))
(assert_trap (invoke "i64.store32 end" (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "m0 u64" (i32.const 0xFFF8)) (i64.const 0x5a5a5a5a00000000))

;; Atomic accesses: the same effective address; an aligned effective address past the end is out
;; of bounds, not unaligned, even when the base alone is unaligned.
(module
  (memory 1 1 shared)
  (data (i32.const 16) "\aa\bb\cc\dd\ee\ff\11\22")
  (func (export "i32.atomic.store8 hi") (param i32) (i32.atomic.store8 offset=0xFFFFFFF0 (local.get 0) (i32.const 7)))
  (func (export "i64.atomic.store32 hi") (param i32) (i64.atomic.store32 offset=0xFFFFFFF0 (local.get 0) (i64.const 7)))
  (func (export "i32.atomic.rmw.add hi") (param i32) (result i32) (i32.atomic.rmw.add offset=0xFFFFFFF0 (local.get 0) (i32.const 7)))
  (func (export "i32.atomic.load hi") (param i32) (result i32) (i32.atomic.load offset=0xFFFFFFF0 (local.get 0)))
  (func (export "i32.atomic.load +1") (param i32) (result i32) (i32.atomic.load offset=1 (local.get 0)))
  (func (export "i64.atomic.load +1") (param i32) (result i64) (i64.atomic.load offset=1 (local.get 0)))
  (func (export "i32.atomic.store +1") (param i32) (i32.atomic.store offset=1 (local.get 0) (i32.const 7)))
  (func (export "notify hi") (param i32) (result i32) (memory.atomic.notify offset=0xFFFFFFF0 (local.get 0) (i32.const 1)))
  (func (export "wait32 hi") (param i32) (result i32) (memory.atomic.wait32 offset=0xFFFFFFF0 (local.get 0) (i32.const 0) (i64.const 0)))
  (func (export "u64") (param i32) (result i64) (i64.load (local.get 0)))
)
(assert_trap (invoke "i32.atomic.store8 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i64.atomic.store32 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i32.atomic.rmw.add hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i32.atomic.load hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "i32.atomic.load +1" (i32.const 0xFFFFFFFF)) "out of bounds memory access")
(assert_trap (invoke "i64.atomic.load +1" (i32.const 0xFFFFFFFF)) "out of bounds memory access")
(assert_trap (invoke "i32.atomic.store +1" (i32.const 0xFFFFFFFF)) "out of bounds memory access")
(assert_trap (invoke "notify hi" (i32.const 0x20)) "out of bounds memory access")
(assert_trap (invoke "wait32 hi" (i32.const 0x20)) "out of bounds memory access")
(assert_return (invoke "u64" (i32.const 16)) (i64.const 0x2211ffeeddccbbaa))
(assert_trap (invoke "i32.atomic.load +1" (i32.const 1)) "unaligned atomic")
(assert_return (invoke "i32.atomic.load +1" (i32.const 15)) (i32.const 0xddccbbaa))
