#!/usr/bin/env bash
# Rebuilds the corpus modules from their C sources with Debian's clang and wasi-libc:
#   sudo apt-get install clang lld wasi-libc libclang-rt-dev-wasm32 binaryen wabt
# clang runs binaryen's wasm-opt on what it links whenever wasm-opt is on PATH, and the committed
# modules were built so (Debian clang 14, binaryen 108): without binaryen they come out different.
#
# Every NAME.c becomes NAME.wasm, scalar, with -O2. The programs in $simd also become
# NAME-simd.wasm, with -O3 -msimd128 (scripts/bench-corpus times each beside its scalar build):
#   matrix          clang's autovectoriser turns its inner loop into f32x4 code;
#   pixels, bytes   written with wasm_simd128.h intrinsics where __wasm_simd128__ is defined (as
#                   -msimd128 does), plain C otherwise, so both builds compute the same.
# The others get no v128 code in their hot loops at -O3 -msimd128 (calls, hello, memops, sieve and
# sort none at all, hash only outside its hash loops), so they have no SIMD build. A SIMD build is
# linked without -s, so that wasm-opt finds the target_features section and enables SIMD (with -s
# it reads the module as MVP and rejects the v128 code), then stripped with wabt's wasm-strip.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
simd="matrix pixels bytes"
for c in *.c; do
    clang --target=wasm32-wasi --sysroot=/usr -O2 -s -o "${c%.c}.wasm" "$c"
done
for p in $simd; do
    clang --target=wasm32-wasi --sysroot=/usr -O3 -msimd128 -o "$p-simd.wasm" "$p.c"
    wasm-strip "$p-simd.wasm"
    if [ "$(wasm-objdump -d "$p-simd.wasm" | grep -cE ' (v128|[if](8x16|16x8|32x4|64x2))\.')" = 0 ]; then
        echo "error: $p-simd.wasm has no v128 instructions" >&2
        exit 1
    fi
done
echo "built: $(ls *.wasm | tr '\n' ' ')"
