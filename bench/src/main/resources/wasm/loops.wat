;; Load/store- and bulk-heavy loops for the memory benchmarks; 16 MiB of memory.
;; Build: wat2wasm loops.wat -o loops.wasm
(module
  (memory (export "memory") 256 16384)

  ;; Seven accesses of mixed width per iteration, naturally aligned, in a 1 MiB window.
  (func (export "aligned") (param $n i32) (result i64)
    (local $i i32) (local $addr i32) (local $acc i64)
    (loop $loop
      (local.set $addr
        (i32.and (i32.shl (local.get $i) (i32.const 4)) (i32.const 0xFFFF0)))
      (i64.store (local.get $addr)
        (i64.add (i64.load (local.get $addr)) (i64.extend_i32_u (local.get $i))))
      (i32.store offset=8 (local.get $addr)
        (i32.add (i32.load offset=12 (local.get $addr)) (i32.const 1)))
      (local.set $acc
        (i64.add (local.get $acc) (i64.extend_i32_u (i32.load16_u offset=4 (local.get $addr)))))
      (i32.store8 offset=6 (local.get $addr) (local.get $i))
      (local.set $acc (i64.add (local.get $acc) (i64.load32_u (local.get $addr))))
      (br_if $loop
        (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))

  ;; Five accesses per iteration, each straddling a 64 KiB page boundary.
  (func (export "straddle") (param $n i32) (result i64)
    (local $i i32) (local $addr i32) (local $acc i64)
    (loop $loop
      (local.set $addr
        (i32.add
          (i32.shl (i32.and (local.get $i) (i32.const 0x7F)) (i32.const 16))
          (i32.const 0xFFFB)))
      (i64.store (local.get $addr) (i64.add (i64.load (local.get $addr)) (i64.const 1)))
      (i32.store offset=3 (local.get $addr)
        (i32.add (i32.load offset=2 (local.get $addr)) (i32.const 1)))
      (local.set $acc (i64.add (local.get $acc) (i64.load offset=1 (local.get $addr))))
      (br_if $loop
        (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $acc))

  ;; Per iteration: fill 4 KiB, copy it 512 KiB away, and copy it onto itself shifted by 100 bytes.
  (func (export "bulk") (param $n i32)
    (local $i i32) (local $off i32)
    (loop $loop
      (local.set $off
        (i32.and (i32.mul (local.get $i) (i32.const 4099)) (i32.const 0x7FFFF)))
      (memory.fill (local.get $off) (local.get $i) (i32.const 4096))
      (memory.copy
        (i32.add (local.get $off) (i32.const 0x80000)) (local.get $off) (i32.const 4096))
      (memory.copy
        (i32.add (local.get $off) (i32.const 100)) (local.get $off) (i32.const 4096))
      (br_if $loop
        (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))))
