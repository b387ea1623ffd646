package io.wasmrun.cli.repl;

import io.wasmrun.Module;
import java.util.List;
import java.util.function.Function;

/** {@code :exports [MODULE]} and {@code :imports [MODULE]}: one side of a module's interface. */
final class InterfaceCommand implements Command {
    private final String name;
    private final Function<Module, List<String>> lines;

    private InterfaceCommand(String name, Function<Module, List<String>> lines) {
        this.name = name;
        this.lines = lines;
    }

    static InterfaceCommand exports() {
        return new InterfaceCommand("exports", InterfaceLines::exports);
    }

    static InterfaceCommand imports() {
        return new InterfaceCommand("imports", InterfaceLines::imports);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return ":" + name + " [MODULE]";
    }

    @Override
    public String summary() {
        return "list a module's " + name + " with their signatures";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("[MODULE]");
    }

    @Override
    public void run(Session session, Arguments args) {
        args.expect(0, 1);
        ReplModule module = ModuleArgument.resolve(session, args, 0);
        List<String> items = lines.apply(module.module());
        if (items.isEmpty()) {
            session.out().println(module.name() + " has no " + name);
        }
        items.forEach(line -> session.out().println("  " + line));
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            ModuleArgument.complete(session, completions);
        }
    }
}
