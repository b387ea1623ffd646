# Sourced by scripts/wasmrun and scripts/bench-corpus: the JVM flags wasmrun runs with (before
# the AOT cache flags). runtime/PERFORMANCE.md has the measurements behind them.
wasmrun_jvm_flags=(--enable-native-access=ALL-UNNAMED -Xss16m -XX:+UseSerialGC -XX:-UsePerfData)
