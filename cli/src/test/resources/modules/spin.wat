;; Loops forever: for --timeout.
(module
  (func (export "spin")
    (loop $forever (br $forever))))
