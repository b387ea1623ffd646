;; Asks for more initial memory than wasmrun allows by default (32768 pages = 2 GiB).
(module (memory 40000))
