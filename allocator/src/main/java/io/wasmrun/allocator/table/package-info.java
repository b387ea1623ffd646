/**
 * Tables for instances, as Chicory {@link com.dylibso.chicory.runtime.TableInstance}s (tables hold
 * references, which live on the Java heap, so there is nothing to map).
 */
package io.wasmrun.allocator.table;
