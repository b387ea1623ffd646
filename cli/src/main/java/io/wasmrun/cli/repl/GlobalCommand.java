package io.wasmrun.cli.repl;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.WasmrunException;
import io.wasmrun.runtime.Signatures;
import io.wasmrun.runtime.values.ValueSyntaxException;
import io.wasmrun.runtime.values.WasmValues;
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
                args.expect(3, 3);
                set(session, args.get(1), args.get(2));
            }
            default -> throw args.usageError();
        }
    }

    private static void list(Session session, ReplModule module) {
        List<String> names = module.exports(ExternalType.GLOBAL);
        if (names.isEmpty()) {
            session.out().println(module.name() + " exports no globals");
        }
        for (String name : names) {
            GlobalInstance g = module.instance().chicory().exports().global(name);
            session.out().println("  " + name + ": " + type(g) + " = " + format(g));
        }
    }

    private static void set(Session session, String ref, String text) {
        GlobalInstance g = global(session, ref);
        if (g.getMutabilityType() != MutabilityType.Var) {
            throw new WasmrunException("global `" + ref + "` is immutable (" + type(g) + ")");
        }
        try {
            g.setValue(WasmValues.parse(text, g.getType()));
        } catch (ValueSyntaxException e) {
            throw new WasmrunException("global `" + ref + "`: " + e.getMessage());
        }
        session.out().println(ref + " = " + format(g));
    }

    private static GlobalInstance global(Session session, String ref) {
        ExportRef export = session.modules().require(ref, ExternalType.GLOBAL);
        return export.module().instance().chicory().exports().global(export.name());
    }

    private static String type(GlobalInstance g) {
        return (g.getMutabilityType() == MutabilityType.Var ? "mut " : "") + Signatures.typeName(g.getType());
    }

    private static String format(GlobalInstance g) {
        if (g.getType().equals(ValType.V128)) {
            return String.format("0x%016x%016x", g.getValueHigh(), g.getValueLow());
        }
        return WasmValues.format(g.getValue(), g.getType());
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
                        .ifPresent(m -> completions.addAll(m.exports(ExternalType.GLOBAL)));
                for (ReplModule m : session.modules().all()) {
                    m.exports(ExternalType.GLOBAL).forEach(g -> completions.add(m.name() + "." + g));
                }
            }
        }
    }
}
