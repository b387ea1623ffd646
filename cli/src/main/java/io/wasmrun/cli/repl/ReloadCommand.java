package io.wasmrun.cli.repl;

import java.util.List;

/**
 * {@code :reload [MODULE]}: reads a module's file again, e.g. after rebuilding it, and
 * re-instantiates it and the modules that import from it. Their state starts afresh.
 */
final class ReloadCommand implements Command {

    @Override
    public String name() {
        return "reload";
    }

    @Override
    public String usage() {
        return ":reload [MODULE]";
    }

    @Override
    public String summary() {
        return "load a module again from its file, relinking the modules that import from it";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("[MODULE]");
    }

    @Override
    public void run(Session session, Arguments args) {
        args.expect(0, 1);
        String name = ModuleArgument.resolve(session, args, 0).name();
        List<ReplModule> replaced = session.modules().reload(name);
        session.out().println("re" + Describe.loaded(replaced.get(0)));
        if (replaced.size() > 1) {
            List<String> relinked = replaced.subList(1, replaced.size()).stream().map(ReplModule::name).toList();
            session.out().println("relinked " + String.join(", ", relinked));
        }
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            ModuleArgument.complete(session, completions);
        }
    }
}
