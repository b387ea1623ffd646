;; Function bodies that go on after the `end` that closes them are malformed (the body is shorter
;; than its size says). Chicory 1.7.5's decoder fails on them with Java exceptions (a
;; NullPointerException in Parser.parseCodeSection, an IndexOutOfBoundsException in the
;; validator); wasmrun reports them as malformed with its own message.
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"       ;; type section: one type, () -> ()
    "\03\02\01\00"             ;; function section: one function of type 0
    "\0a\05\01"                ;; code section: one body
    "\03\00"                   ;; body of 3 bytes, no locals
    "\0b\0b"                   ;; end end
  )
  "section size mismatch"
)
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"
    "\03\02\01\00"
    "\0a\06\01"
    "\04\00"
    "\0b\0b\0b"                ;; end end end
  )
  "section size mismatch"
)
(assert_malformed
  (module binary
    "\00asm" "\01\00\00\00"
    "\01\04\01\60\00\00"
    "\03\02\01\00"
    "\0a\07\01"
    "\05\00"
    "\0b\0b\01\0b"             ;; end end nop end
  )
  "section size mismatch"
)
(module binary
  "\00asm" "\01\00\00\00"
  "\01\04\01\60\00\00"
  "\03\02\01\00"
  "\0a\04\01"
  "\02\00"
  "\0b"                        ;; end: the body that closes where its size says
)
