/** Reading and printing wasm values the way users type them on a command line or in the REPL. */
package io.wasmrun.runtime.values;
