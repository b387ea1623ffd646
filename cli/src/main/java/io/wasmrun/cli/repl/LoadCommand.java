package io.wasmrun.cli.repl;

import java.nio.file.Path;
import java.util.List;

/** {@code :load PATH [as NAME]}: loads a module file, links it and makes it the default. */
final class LoadCommand implements Command {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public String usage() {
        return ":load PATH [as NAME]";
    }

    @Override
    public String summary() {
        return "load a module, linked to WASI and the modules loaded before it; it becomes the default";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("PATH", "[as", "NAME]");
    }

    @Override
    public void run(Session session, Arguments args) {
        if (args.size() != 1 && !(args.size() == 3 && args.get(1).equals("as"))) {
            throw args.usageError();
        }
        load(session, Path.of(args.get(0)), args.size() == 3 ? args.get(2) : null);
    }

    /** Loads {@code path} under {@code name}, or under a name derived from the file name if null. */
    static void load(Session session, Path path, String name) {
        Path resolved = session.path(path);
        String moduleName = name != null ? name : ModuleRegistry.nameFor(String.valueOf(resolved.getFileName()));
        ReplModule module = session.modules().load(new ModuleSource.File(resolved), moduleName);
        session.out().println(Describe.loaded(module));
    }

    @Override
    public void complete(Session session, Completions completions) {
        switch (completions.index()) {
            case 0 -> completions.files();
            case 1 -> completions.add("as", "load under another module name");
            default -> { }
        }
    }
}
