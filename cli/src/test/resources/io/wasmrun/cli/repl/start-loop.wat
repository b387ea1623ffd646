;; A start function that never returns: instantiation must be interruptible too.
(module
  (func $forever (loop $l (br $l)))
  (start $forever))
