# Sourced by scripts/wasmrun and scripts/bench-corpus: the JVM flags wasmrun runs with (before
# the AOT cache flags). runtime/PERFORMANCE.md has the measurements behind them.
#
# JIT: the invocation thresholds of both tiers are 10x HotSpot's defaults, the loop (back-edge)
# thresholds are left alone. Start-up code runs many methods a few hundred times each, and on a
# 2-core machine compiling them takes CPU from the program; a wasm hot loop still compiles (and
# is replaced on the stack) as soon as it would have, and a wasm function called a million times
# still reaches C2. Measured whole-process, warm caches: hello 194 -> 175 ms, calls 267 -> 234,
# sieve 577 -> 549, matrix 490 -> 460.
# C2 inlines hot callees up to 100 bytecodes instead of 325: Chicory's generated functions are
# large, and C2 spent 0.7 s compiling them in a 1.2 s run of the sort program (-XX:+CITime).
# sort 1.21 -> 1.03 s, hash 560 -> 544 ms, sieve 541 -> 530, calls 219 -> 215, matrix and
# memops within noise (410 -> 409, 832 -> 854 +- 27).
# SHA-256 (the compile cache's key: the digest of the module's bytes) is compiled early (its
# thresholds at 2 %): the JVM's SHA instructions are used by compiled code only, and with the
# raised thresholds a 3.6 MB module was hashed interpreted for most of ~100 ms. Cache warm, 8-15
# runs: a 3.6 MB module 381 -> 331 ms, yosys (30 MB) 1.62 -> 1.37 s. At 0.1 % (compiled at once)
# a small program paid for the compiles (calls: 10-15 ms more CPU time); at 2 % calls took 143 ms
# against 144-153 and yosys 1.23 s against 1.19 s.
wasmrun_jit_flags=(
    -XX:CompileCommand=quiet
    -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.SHA2::implCompress0,0.02
    -XX:CompileCommand=CompileThresholdScaling,sun.security.provider.DigestBase::implCompressMultiBlock0,0.02
    -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000
    -XX:Tier3CompileThreshold=20000
    -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
    -XX:Tier4CompileThreshold=150000
    -XX:FreqInlineSize=100
)
# Arrays over 4 MB are allocated in the old generation (-XX:PretenureSizeThreshold): a large
# module's bytes and its cache entry (30 and 75 MB for yosys) live for the whole run, and the
# first young collection copied them (45 ms; 100 -> 82 MB). yosys -V, cache warm: 342 MB without,
# 292-295 MB at 4 MB. At 1 MB (283 MB) a first run's short-lived decoder arrays went to the old
# generation too: the synthesis script's first run peaked at 1.98 GB against 1.45 GB (4 MB: 1.50).
wasmrun_jvm_flags=(--enable-native-access=ALL-UNNAMED -Xss16m -XX:+UseSerialGC -XX:-UsePerfData
    -XX:PretenureSizeThreshold=4m "${wasmrun_jit_flags[@]}")
# The AOT cache's training run stores classes only, no method profiles: replaying the training's
# profiles made the JIT compile start-up code at once, which on 2 cores took CPU from the program
# (hello 289 -> 251 ms, sieve and matrix 4-5 % faster without them).
wasmrun_aot_training_flags=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
