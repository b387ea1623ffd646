;; A WASI command that prints a greeting: the smallest complete program wasmrun runs.
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; iovec at 0: { buf = 16, len = 27 }
  (data (i32.const 0) "\10\00\00\00\1b\00\00\00")
  (data (i32.const 16) "Hello, world from wasmrun!\n")
  (func (export "_start")
    ;; fd_write(stdout, iovs=0, iovs_len=1, nwritten=8)
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
