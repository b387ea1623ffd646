# Sourced by scripts/wasmrun and scripts/bench-corpus: the JVM flags wasmrun runs with (before
# the AOT cache flags). runtime/PERFORMANCE.md has the measurements behind them.
#
# JIT: the invocation thresholds of both tiers are 10x HotSpot's defaults, the loop (back-edge)
# thresholds are left alone. Start-up code runs many methods a few hundred times each, and on a
# 2-core machine compiling them takes CPU from the program; a wasm hot loop still compiles (and
# is replaced on the stack) as soon as it would have, and a wasm function called a million times
# still reaches C2. Measured whole-process, warm caches: hello 194 -> 175 ms, calls 267 -> 234,
# sieve 577 -> 549, matrix 490 -> 460.
wasmrun_jit_flags=(
    -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000
    -XX:Tier3CompileThreshold=20000
    -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
    -XX:Tier4CompileThreshold=150000
)
wasmrun_jvm_flags=(--enable-native-access=ALL-UNNAMED -Xss16m -XX:+UseSerialGC -XX:-UsePerfData
    "${wasmrun_jit_flags[@]}")
# The AOT cache's training run stores classes only, no method profiles: replaying the training's
# profiles made the JIT compile start-up code at once, which on 2 cores took CPU from the program
# (hello 289 -> 251 ms, sieve and matrix 4-5 % faster without them).
wasmrun_aot_training_flags=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
