#!/usr/bin/env bash
# Rebuilds the corpus modules from their C sources with Debian's clang and wasi-libc:
#   sudo apt-get install clang lld wasi-libc libclang-rt-dev-wasm32
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
for c in *.c; do
    clang --target=wasm32-wasi --sysroot=/usr -O2 -s -o "${c%.c}.wasm" "$c"
done
echo "built: $(ls *.wasm | tr '\n' ' ')"
