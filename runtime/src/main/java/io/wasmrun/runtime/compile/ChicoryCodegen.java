package io.wasmrun.runtime.compile;

import com.dylibso.chicory.compiler.internal.ByteClassCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Runs Chicory's code generator without loading what it generates. {@code MachineFactoryCompiler}
 * would define and verify every class right away; wasmrun rewrites them first, so it collects the
 * bytes with Chicory's {@link ByteClassCollector} instead. This is the one place that uses
 * Chicory's internal compiler API (pinned with the Chicory version in the cache key).
 */
final class ChicoryCodegen {
    private ChicoryCodegen() {}

    static ClassJar generate(WasmModule module) {
        var result =
                Compiler.builder(module)
                        .withClassCollectorFactory(ByteClassCollector::new)
                        .build()
                        .compile();
        var collector = result.collector();
        return new ClassJar(collector.mainClassName(), collector.classBytes(), result.interpretedFunctions());
    }
}
