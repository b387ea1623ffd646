/**
 * JMH benchmarks of wasmrun's linear memory against Chicory's own memories, all in Chicory's
 * compiled mode. Run them with {@code scripts/bench-memory}, which prints wasmrun's time as a ratio
 * of the fastest Chicory memory (below 1.0: wasmrun is faster).
 */
package io.wasmrun.bench;
