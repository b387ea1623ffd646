package io.wasmrun.cli.repl;

import java.util.List;

/**
 * {@code :invoke FUNC ARGS...}: the long form of typing {@code FUNC ARGS...}, for functions whose
 * names look like a command.
 */
final class InvokeCommand implements Command {

    @Override
    public String name() {
        return "invoke";
    }

    @Override
    public String usage() {
        return ":invoke [MODULE.]FUNC [ARGS...]";
    }

    @Override
    public String summary() {
        return "call an exported function (same as typing `FUNC ARGS...`)";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("FUNC", "[ARGS...]");
    }

    @Override
    public void run(Session session, Arguments args) {
        if (args.isEmpty()) {
            throw args.usageError();
        }
        Invoker.invoke(session, args.get(0), args.from(1).tokens());
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            FunctionNames.addTo(session, completions);
        }
    }
}
