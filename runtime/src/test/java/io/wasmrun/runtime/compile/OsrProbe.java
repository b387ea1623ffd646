package io.wasmrun.runtime.compile;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link OsrTest}: instantiates a module with wasmrun's rewritten classes
 * ({@code rewritten}) or with Chicory's own ({@code plain}), calls {@code run(n)} once and prints
 * the result.
 */
public final class OsrProbe {
    private OsrProbe() {}

    public static void main(String[] args) {
        var module = Parser.parse(Path.of(args[0]));
        var factory =
                switch (args[1]) {
                    case "rewritten" -> new ModuleCompiler(CompileCache.NONE).machineFactory(module);
                    case "plain" -> MachineFactoryCompiler.compile(module);
                    default -> throw new IllegalArgumentException(args[1]);
                };
        var instance = Instance.builder(module).withMachineFactory(factory).build();
        long result = instance.export("run").apply(Long.parseLong(args[2]))[0];
        System.out.println("result=" + (int) result);
    }
}
