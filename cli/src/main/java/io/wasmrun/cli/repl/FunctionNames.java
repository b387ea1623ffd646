package io.wasmrun.cli.repl;

/** Completion candidates for function names: the default module's, then {@code MODULE.FUNC}. */
final class FunctionNames {
    private FunctionNames() {}

    static void addTo(Session session, Completions completions) {
        var modules = session.modules();
        modules.findDefault().ifPresent(m -> add(m, "", completions));
        for (ReplModule m : modules.all()) {
            add(m, m.name() + ".", completions);
        }
    }

    private static void add(ReplModule module, String prefix, Completions completions) {
        for (String name : module.exports(ExportKind.FUNCTION)) {
            var type = module.functionType(name).orElseThrow();
            completions.add(prefix + name, type.signature(name));
        }
    }
}
