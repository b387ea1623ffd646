package io.wasmrun.cli.repl;

import io.wasmrun.Func;
import io.wasmrun.Val;
import io.wasmrun.WasmrunException;
import io.wasmrun.cli.FunctionArguments;
import io.wasmrun.wasi.WasiExitException;
import java.util.List;

/**
 * Calls an exported function with arguments typed as text and prints its results, one per line.
 * The call runs on the session's worker thread, so Ctrl-C stops it.
 */
final class Invoker {
    private Invoker() {}

    static void invoke(Session session, String ref, List<Token> arguments) {
        ExportRef target = session.modules().require(ref, ExportKind.FUNCTION);
        Func function = target.module().instance().requireFunc(target.name());
        Val[] args;
        try {
            args = FunctionArguments.parse(target.name(), function.type(), CallArguments.texts(arguments));
        } catch (IllegalArgumentException e) {
            throw new WasmrunException(e.getMessage());
        }
        Val[] results;
        try {
            results = session.calls().run(function.store(), () -> function.call(args));
        } catch (WasiExitException exit) {
            session.out().println("(exit code " + exit.exitCode() + ")");
            return;
        } finally {
            session.flush();
        }
        for (Val result : results) {
            session.out().println(result.text());
        }
    }
}
