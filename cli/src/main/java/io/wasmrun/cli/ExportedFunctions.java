package io.wasmrun.cli;

import io.wasmrun.ExportType;
import io.wasmrun.FuncType;
import io.wasmrun.Module;
import io.wasmrun.WasmrunException;
import java.util.List;

/** Finds an exported function's type, or says which functions a module does export. */
final class ExportedFunctions {
    private ExportedFunctions() {}

    /**
     * The type of {@code module}'s exported function {@code name}.
     *
     * @throws WasmrunException {@code fib.wasm: unknown export `x` (exported functions: fib, ...)}
     */
    static FuncType require(Module module, String name) {
        List<ExportType> exports = module.exports();
        for (ExportType export : exports) {
            if (export.name().equals(name) && export.type() instanceof FuncType type) {
                return type;
            }
        }
        boolean other = exports.stream().anyMatch(e -> e.name().equals(name));
        List<String> available = exports.stream().filter(e -> e.type() instanceof FuncType).map(ExportType::name).toList();
        throw new WasmrunException(module.name() + ": "
                + (other ? "export `" + name + "` is not a function" : "unknown export `" + name + "`")
                + (available.isEmpty()
                        ? " (the module exports no functions)"
                        : " (exported functions: " + String.join(", ", available) + ")"));
    }
}
