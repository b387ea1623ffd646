#!/usr/bin/env bash
# Installs the Debian tools the tests use when they are missing and we are allowed to (root, or
# CI): wabt (wast2json, wat2wasm), clang with wasi-libc (C to wasm32-wasi) and binaryen (wasm-opt
# and wasm-reduce, for scripts/fuzz). Without them the tests that need them use committed binaries
# or are skipped with a message.
set -uo pipefail
missing=()
command -v wast2json >/dev/null 2>&1 || missing+=(wabt)
command -v wasm-opt >/dev/null 2>&1 || missing+=(binaryen)
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v wasm-ld >/dev/null 2>&1 || missing+=(lld)
[ -d /usr/share/wasi-sysroot ] || [ -d /usr/lib/wasm32-wasi ] || [ -f /usr/include/wasm32-wasi/stdio.h ] || missing+=(wasi-libc)
ls /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 || missing+=(libclang-rt-dev-wasm32)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${missing[*]} (apt-get)"
    if apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1; }; then
        exit 0
    fi
fi
echo "note: ${missing[*]} not installed (run: sudo apt-get install ${missing[*]});" \
     "tests that need them fall back to committed binaries or are skipped" >&2
exit 0
