package io.wasmrun;

/**
 * When a large module that the compile cache does not hold yet gets compiled, for the compiler
 * engine. Chicory's code generator takes time and memory in proportion to the whole module (a 30
 * MB program: about 18 s and 1.7 GB), while a run often executes a small part of it; so a module
 * with more than {@code io.wasmrun.runtime.compile.BackgroundCompile.THRESHOLD_BYTES} (1 MiB) of code starts in the interpreter and
 * is compiled while it runs. Smaller modules compile before they run, as that is faster than
 * interpreting them.
 */
public enum FirstCompile {
    /** Compile before the first instance runs, whatever the module's size. */
    BLOCKING,
    /**
     * Compile on a thread of this process: instances made before it is done run interpreted, later
     * ones compiled; the classes are stored in the compile cache when done. A process that ends
     * first leaves no entry behind.
     */
    BACKGROUND,
    /**
     * Compile in a separate, detached JVM that fills the on-disk compile cache and outlives this
     * process (the command line: a short run then still leaves the cache warm for the next);
     * every instance of this process runs interpreted. Falls back to {@link #BACKGROUND} when the
     * cache is not on disk or the runtime runs on the module path.
     */
    DETACHED
}
