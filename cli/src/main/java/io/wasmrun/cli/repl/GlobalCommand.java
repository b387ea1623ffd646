package io.wasmrun.cli.repl;

import io.wasmrun.Global;
import io.wasmrun.GlobalType;
import io.wasmrun.Val;
import io.wasmrun.WasmrunException;
import java.util.List;

/** {@code :global}: lists, reads and sets exported globals. */
final class GlobalCommand implements Command {

    @Override
    public String name() {
        return "global";
    }

    @Override
    public String usage() {
        return ":global [list [MODULE] | get [MODULE.]NAME | set [MODULE.]NAME VALUE]";
    }

    @Override
    public String summary() {
        return "list exported globals with their values, read one, or set a mutable one";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("list|get|set", "NAME", "VALUE");
    }

    @Override
    public void run(Session session, Arguments args) {
        String action = args.isEmpty() ? "list" : args.get(0);
        switch (action) {
            case "list" -> list(session, ModuleArgument.resolve(session, args.from(1).expect(0, 1), 0));
            case "get" -> {
                args.expect(2, 2);
                session.out().println(format(global(session, args.get(1))));
            }
            case "set" -> {
                List<String> value = CallArguments.texts(args.from(2).expect(1, Integer.MAX_VALUE).tokens());
                if (value.size() != 1) {
                    throw args.usageError();
                }
                set(session, args.get(1), value.get(0));
            }
            default -> throw args.usageError();
        }
    }

    private static void list(Session session, ReplModule module) {
        List<String> names = module.exports(ExportKind.GLOBAL);
        if (names.isEmpty()) {
            session.out().println(module.name() + " exports no globals");
        }
        for (String name : names) {
            Global g = module.instance().global(name).orElseThrow();
            session.out().println("  " + name + ": " + type(g) + " = " + format(g));
        }
    }

    private static void set(Session session, String ref, String text) {
        Global g = global(session, ref);
        GlobalType type = g.type();
        if (!type.mutable()) {
            throw new WasmrunException("global `" + ref + "` is immutable (" + type(g) + ")");
        }
        Val value;
        try {
            value = Val.parse(type.content(), text);
        } catch (IllegalArgumentException e) {
            throw new WasmrunException("global `" + ref + "`: " + e.getMessage());
        }
        g.set(value);
        session.out().println(ref + " = " + format(g));
    }

    private static Global global(Session session, String ref) {
        ExportRef export = session.modules().require(ref, ExportKind.GLOBAL);
        return export.module().instance().global(export.name()).orElseThrow();
    }

    /** {@code mut i32}, {@code i64}. */
    private static String type(Global g) {
        GlobalType type = g.type();
        return (type.mutable() ? "mut " : "") + type.content();
    }

    private static String format(Global g) {
        return g.get().text();
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            completions.add("list", "exported globals and their values");
            completions.add("get", "read a global");
            completions.add("set", "set a mutable global");
        } else if (completions.index() == 1) {
            if (completions.word(0).equals("list")) {
                ModuleArgument.complete(session, completions);
            } else {
                session.modules().findDefault()
                        .ifPresent(m -> completions.addAll(m.exports(ExportKind.GLOBAL)));
                for (ReplModule m : session.modules().all()) {
                    m.exports(ExportKind.GLOBAL).forEach(g -> completions.add(m.name() + "." + g));
                }
            }
        }
    }
}
