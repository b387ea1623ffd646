;; Grows its memory one page at a time up to a target size.
;; Build: wat2wasm grow.wat -o grow.wasm
(module
  (memory (export "memory") 1 16384)
  (func (export "grow_to") (param $pages i32) (result i32)
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (memory.size) (local.get $pages)))
        (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (br $loop)))
    (memory.size)))
