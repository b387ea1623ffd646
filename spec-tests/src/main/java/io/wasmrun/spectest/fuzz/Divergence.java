package io.wasmrun.spectest.fuzz;

/**
 * How one engine's trace differs from the oracle's at the first point where they part.
 *
 * @param signature a short class of the difference, without spaces or slashes, that
 *     expectations match against, e.g. {@code missing-trap:memory-out-of-bounds} or
 *     {@code escaped:java.lang.IndexOutOfBoundsException@OpcodeImpl.TABLE_INIT}
 * @param description what was expected and what happened, with the export being called
 * @param index the index of the first differing event in the traces (-1 for an escape found
 *     anywhere)
 */
public record Divergence(String signature, String description, int index) {}
