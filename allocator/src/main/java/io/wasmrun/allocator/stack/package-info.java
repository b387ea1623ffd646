/**
 * Execution stacks: where an instance's wasm calls run. The JVM gives no way to switch a thread
 * onto a stack of our own, so a stack of a chosen size is a platform thread created with that
 * size; without a chosen size the call runs on the caller's thread.
 */
package io.wasmrun.allocator.stack;
