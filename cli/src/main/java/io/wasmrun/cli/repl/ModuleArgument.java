package io.wasmrun.cli.repl;

/** The optional {@code [MODULE]} argument of several commands: a module name or the default. */
final class ModuleArgument {
    private ModuleArgument() {}

    /** The module named by argument {@code index}, or the default module when it is absent. */
    static ReplModule resolve(Session session, Arguments args, int index) {
        return index < args.size()
                ? session.modules().get(args.get(index))
                : session.modules().defaultModule();
    }

    /** Completes a module name. */
    static void complete(Session session, Completions completions) {
        for (ReplModule m : session.modules().all()) {
            completions.add(m.name(), m.source().describe());
        }
    }
}
