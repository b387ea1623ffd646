#!/usr/bin/env bash
# Rebuilds bench/io/copy.wasm, the guest of scripts/bench-wasi-io, with Debian's clang and
# wasi-libc (as bench/corpus/build.sh):
#   sudo apt-get install clang lld wasi-libc libclang-rt-dev-wasm32
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
clang --target=wasm32-wasi --sysroot=/usr -O2 -s -o copy.wasm copy.c
echo "built: copy.wasm"
