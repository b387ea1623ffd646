;; Modules Chicory 1.7.5's parser accepts although the spec rejects them, found by
;; `scripts/fuzz --mutate binary`; wasmrun's own checks (io.wasmrun.runtime.validate) reject them.
;; Each is followed by its valid neighbour.

;; Names must be UTF-8: Chicory decodes export names, and the names of custom sections after the
;; first, leniently.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: one type, () -> ()
    "\03\02\01\00"             ;; function section: one function of type 0
    "\07\05\01\01\ff\00\00"    ;; export section: function 0 as "\ff"
    "\0a\04\01\02\00\0b"       ;; code section: one body, end
  )
  "malformed UTF-8 encoding"
)
(module binary
  "\00asm" "\01\00\00\00"
  "\01\04\01\60\00\00"
  "\03\02\01\00"
  "\07\07\01\03\e2\86\92\00\00" ;; export section: function 0 as "\e2\86\92" (U+2192)
  "\0a\04\01\02\00\0b"
)
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\00\02\01\61"             ;; custom section "a"
    "\00\03\02\c0\af"          ;; custom section named by an overlong "/"
  )
  "malformed UTF-8 encoding"
)
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\00\02\01\61"
    "\00\04\03\ed\a0\80"       ;; custom section named by a surrogate
  )
  "malformed UTF-8 encoding"
)
(module binary
  "\00asm" "\01\00\00\00"
  "\00\02\01\61"
  "\00\05\04\f0\9f\98\80"      ;; custom section named U+1F600
)

;; A body must close its own block at its last instruction: Chicory loads `block end` without
;; the function's end (and its compiler then fails with a NullPointerException).
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"
    "\03\02\01\00"
    "\0a\06\01"                ;; code section: one body
    "\04\00"                   ;; body of 4 bytes, no locals
    "\02\40\0b"                ;; block end
  )
  "END opcode expected"
)
(module binary
  "\00asm" "\01\00\00\00"
  "\01\04\01\60\00\00"
  "\03\02\01\00"
  "\0a\07\01"
  "\05\00"
  "\02\40\0b\0b"               ;; block end end
)

;; Function indices past the module's functions, in exports and passive element segments.
(assert_invalid (module (func) (export "f" (func 1))) "unknown function")
(assert_invalid (module (func) (elem func 0 1)) "unknown function")
(assert_invalid (module (func) (elem funcref (ref.func 1))) "unknown function")
(module (func) (export "f" (func 0)) (elem func 0) (elem funcref (ref.func 0)))

;; Other exports' indices past their space.
(assert_invalid (module (export "t" (table 0))) "unknown table")
(assert_invalid (module (export "m" (memory 0))) "unknown memory")
(assert_invalid (module (export "g" (global 0))) "unknown global")

;; table.size of a table the module does not have (Chicory checks the other table instructions).
(assert_invalid (module (table 1 funcref) (func (drop (table.size 1)))) "unknown table")
(module (table 1 funcref) (func (drop (table.size 0))))

;; ref.func of a function no export, element segment or initializer declares; Chicory checks
;; only a function's reference to itself.
(assert_invalid (module (func) (func (drop (ref.func 0)))) "undeclared function reference")
(assert_invalid
  (module (import "spectest" "print" (func)) (func (drop (ref.func 0))))
  "undeclared function reference"
)
(module (func) (func (drop (ref.func 0))) (export "f" (func 0)))
(module (func) (func (drop (ref.func 0))) (elem declare func 0))
(module (func) (func (drop (ref.func 0))) (elem funcref (ref.func 0)))
(module (func) (func (drop (ref.func 0))) (global funcref (ref.func 0)))
(module (func) (func (drop (ref.func 0))) (table 1 funcref) (elem (i32.const 0) func 0))
