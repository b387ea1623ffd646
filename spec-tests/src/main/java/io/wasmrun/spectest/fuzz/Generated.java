package io.wasmrun.spectest.fuzz;

import java.util.List;

/**
 * A generated module.
 *
 * @param bytes the binary
 * @param generator which generator made it ({@code ttf}, {@code edge})
 * @param features the wasm-opt feature flags that describe it (for reducing)
 * @param recipe how to make it again, for the report
 * @param nanFree whether no arithmetic NaN can reach memory or an integer: an edge module, or a
 *     translate-to-fuzz module made with binaryen's {@code --denan}. A divergence of another module
 *     may come from a NaN payload, which the spec leaves to the engine, and is checked again on the
 *     module's --denan variant
 */
public record Generated(byte[] bytes, String generator, List<String> features, String recipe, boolean nanFree) {}
