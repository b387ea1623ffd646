package io.wasmrun.cli.repl;

import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmrun.WasmrunException;
import io.wasmrun.runtime.values.ValueSyntaxException;
import io.wasmrun.runtime.values.WasmValues;
import io.wasmrun.wasi.WasiExitException;
import java.util.List;

/**
 * Calls an exported function with arguments typed as text and prints its results, one per line.
 * The call runs on the session's worker thread, so Ctrl-C stops it.
 */
final class Invoker {
    private Invoker() {}

    static void invoke(Session session, String ref, List<Token> arguments) {
        ExportRef target = session.modules().require(ref, ExternalType.FUNCTION);
        FunctionType type = target.module().functionType(target.name()).orElseThrow();
        long[] raw;
        try {
            raw = WasmValues.parseArguments(
                    target.name(), type, arguments.stream().map(Token::text).toList());
        } catch (ValueSyntaxException e) {
            throw new WasmrunException(e.getMessage());
        }
        long[] results;
        try {
            results = session.calls().run(() -> target.module().instance().call(target.name(), raw));
        } catch (WasiExitException exit) {
            session.out().println("(exit code " + exit.exitCode() + ")");
            return;
        } finally {
            session.flush();
        }
        for (int i = 0; i < type.returns().size(); i++) {
            session.out().println(WasmValues.format(results[i], type.returns().get(i)));
        }
    }

}
