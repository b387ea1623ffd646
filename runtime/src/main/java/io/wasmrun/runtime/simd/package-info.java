/**
 * SIMD by lowering: a module that uses v128 is rewritten, before Chicory's engines see it, into a
 * module without v128 that computes the same thing with scalar instructions. Chicory 1.7.5 decodes
 * and validates SIMD, but its interpreter has no v128 instructions and its compiler no v128 type;
 * a lowered module runs in both, at the compiler's speed, with one implementation of the semantics.
 *
 * <h2>Layout</h2>
 *
 * A v128 is two i64 halves, low first: bytes 0-7 (lane 0 in the lowest bits) and bytes 8-15.
 *
 * <ul>
 *   <li>On the operand stack a v128 is its low half with its high half above it; a parameter,
 *       result, local or global of type v128 is two consecutive i64 ones ({@link IndexMap}), so
 *       every later local or global index moves up by one. An exported v128 global gets a second
 *       export for its high half ({@link SimdLowering#HIGH_HALF_SUFFIX}), an imported one a second
 *       import, so modules linked to each other agree.
 *   <li>A block of type v128 gets a new function type {@code [] -> [i64 i64]}; function types
 *       are rewritten in place, so every type index stays.
 *   <li>Each SIMD instruction takes its operands from {@link Operands}, which keeps v128 values
 *       off the operand stack from one SIMD instruction to the next (as the halves of a local or
 *       of scratch locals from {@link Temps}, or an f32x4 or i32x4 value as four scalar locals)
 *       and pushes them as halves before any instruction that needs the stack as the module has
 *       it. A lane-wise instruction is the scalar instruction of its lane type applied per lane
 *       ({@link Lanes}), so NaN propagation, rounding and saturation are those of Chicory's scalar
 *       instructions, which the spec defines the vector ones by; most i8x16 and i16x8 ones work on
 *       a whole half at once ({@link Swar}); {@code i8x16.swizzle} calls a function the lowering
 *       appends ({@link Helpers}). The float sign instructions work on bits, so they keep NaN
 *       payloads exactly.
 *   <li>Everything else is copied byte for byte. Chicory's validator marks the {@code drop} and
 *       {@code select} that take a v128, so the lowering needs no operand-stack model.
 * </ul>
 *
 * <p>The compile cache keeps the lowered bytes beside the classes compiled from them, under the
 * original's key ({@code CacheKey.lowering()}), so a later run decodes no bodies; a change to what
 * the lowering emits needs a new {@code CodegenVersion.REWRITER} ({@code LoweringVersionTest}).
 *
 * <p>The API keeps showing the module as it declares itself ({@link
 * io.wasmrun.runtime.LoadedModule#declared()}); the raw form of a v128 in calls (two longs, low
 * half first) is the lowered signature's, so calls need no conversion.
 *
 * <p>Not covered: relaxed SIMD (Chicory does not decode it), garbage-collected types together
 * with SIMD, and the type distinction between a v128 and two i64 in {@code call_indirect} and
 * cross-module signatures: a lowered {@code (v128)} function type equals {@code (i64 i64)}.
 */
package io.wasmrun.runtime.simd;
