#!/usr/bin/env bash
# Rebuilds the example modules from their sources. Needs Debian's wabt (wat2wasm) and, for the C
# example, clang + lld + wasi-libc + libclang-rt-dev-wasm32:
#   sudo apt-get install wabt clang lld wasi-libc libclang-rt-dev-wasm32
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
for wat in *.wat; do
    wat2wasm --debug-names "$wat" -o "${wat%.wat}.wasm"
done
clang --target=wasm32-wasi --sysroot=/usr -O2 -Wl,--strip-debug -o wc.wasm wc.c
echo "built: $(ls *.wasm | tr '\n' ' ')"
