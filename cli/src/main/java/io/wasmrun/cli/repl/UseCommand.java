package io.wasmrun.cli.repl;

import java.util.List;

/** {@code :use MODULE}: makes a module the default one that unqualified names refer to. */
final class UseCommand implements Command {

    @Override
    public String name() {
        return "use";
    }

    @Override
    public String usage() {
        return ":use MODULE";
    }

    @Override
    public String summary() {
        return "make MODULE the default for calls and commands";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("MODULE");
    }

    @Override
    public void run(Session session, Arguments args) {
        args.expect(1, 1);
        session.modules().use(args.get(0));
        session.out().println("default module: " + args.get(0));
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            ModuleArgument.complete(session, completions);
        }
    }
}
