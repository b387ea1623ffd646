/**
 * wasmrun's runtime and its embedding API, {@code io.wasmrun}. The API names no Chicory type;
 * the packages under {@code io.wasmrun.runtime} are the implementation and are not exported
 * (the generated classes of the compiler get {@code io.wasmrun.runtime.engine} at run time).
 */
module io.wasmrun.runtime {
    requires transitive io.wasmrun.allocator;
    requires transitive io.wasmrun.wasi;
    requires io.wasmrun.text;
    requires com.dylibso.chicory.compiler;
    requires com.dylibso.chicory.runtime;
    requires com.dylibso.chicory.wasm;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.tree.analysis;

    exports io.wasmrun;
}
