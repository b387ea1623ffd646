/**
 * Where wasmrun takes over from Chicory 1.7.5's engines for instructions Chicory gets wrong: whose
 * guest operands it checks in 32-bit int arithmetic, {@link io.wasmrun.runtime.engine.TableOps}
 * (table.init, table.copy, table.fill for both engines); that round or keep NaNs wrongly, {@link
 * io.wasmrun.runtime.engine.FloatOps}; {@link io.wasmrun.runtime.engine.InterpreterChecks}
 * (the interpreter's hook, also for the functions the compiler leaves to it) and {@link
 * io.wasmrun.runtime.engine.CompiledAddresses} (the compiled code's effective address); and {@link
 * io.wasmrun.runtime.engine.HelperCallSites}, the call sites through which compiled memory loops
 * reach their loads and stores so that C2 inlines them. Compiled
 * classes call the public static methods here by name (see {@code ClassRewriter}): changing a
 * name or descriptor needs a new {@code CodegenVersion.REWRITER}.
 */
package io.wasmrun.runtime.engine;
