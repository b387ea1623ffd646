package io.wasmrun.cli.repl;


/** {@code :modules}: the loaded modules in load order, the default one marked with {@code *}. */
final class ModulesCommand implements Command {

    @Override
    public String name() {
        return "modules";
    }

    @Override
    public String usage() {
        return ":modules";
    }

    @Override
    public String summary() {
        return "list loaded modules (* marks the default one)";
    }


    @Override
    public void run(Session session, Arguments args) {
        args.expect(0, 0);
        var modules = session.modules();
        if (modules.isEmpty()) {
            session.out().println("no modules loaded");
            return;
        }
        ReplModule current = modules.defaultModule();
        int nameWidth = modules.all().stream().mapToInt(m -> m.name().length()).max().orElse(0);
        int sourceWidth = modules.all().stream().mapToInt(m -> m.source().describe().length()).max().orElse(0);
        for (ReplModule m : modules.all()) {
            session.out().printf("%s %-" + nameWidth + "s  %-" + sourceWidth + "s  [%s, %s]  %s%n",
                    m == current ? "*" : " ",
                    m.name(),
                    m.source().describe(),
                    m.engine().engineName(),
                    m.engine().allocatorName(),
                    Describe.functions(m));
        }
    }
}
