package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import io.wasmrun.Strategy;
import java.util.Arrays;
import java.util.List;

/**
 * {@code :set engine NAME} and {@code :set allocator SETTINGS...}: what later loads and reloads
 * use; loaded modules keep theirs. {@code :set} alone shows the current choice.
 */
final class SetCommand implements Command {

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String usage() {
        return ":set [engine compiler|interpreter | allocator KIND [OPTIONS...]]";
    }

    @Override
    public String summary() {
        return "choose the engine or allocator for later loads (e.g. :set allocator on-demand --max-memory-size 64MiB)";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("engine|allocator", "VALUE...");
    }

    @Override
    public void run(Session session, Arguments args) {
        Runtimes runtimes = session.runtimes();
        if (args.isEmpty()) {
            session.out().println("engine " + runtimes.engine().cliName());
            session.out().println("allocator " + runtimes.allocatorSettings());
            return;
        }
        switch (args.get(0)) {
            case "engine" -> {
                args.expect(2, 2);
                runtimes.engine(engine(args.get(1)));
                session.out().println("later loads use the " + runtimes.engine().cliName() + " engine");
            }
            case "allocator" -> {
                if (args.size() < 2) {
                    throw args.usageError();
                }
                runtimes.allocator(args.from(1).texts());
                session.releaseUnusedAllocators();
                session.out().println("later loads use allocator " + runtimes.allocatorSettings());
            }
            default -> throw args.usageError();
        }
    }

    private static Strategy engine(String name) {
        return Arrays.stream(Strategy.values())
                .filter(e -> e.cliName().equals(name))
                .findFirst()
                .orElseThrow(() -> new WasmrunException(
                        "unknown engine `" + name + "` (expected compiler or interpreter)"));
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            completions.add("engine", "compiler or interpreter");
            completions.add("allocator", "the instance allocator and its options");
        } else if (completions.word(0).equals("engine") && completions.index() == 1) {
            Arrays.stream(Strategy.values()).forEach(e -> completions.add(e.cliName()));
        } else if (completions.word(0).equals("allocator")) {
            completions.addAll(session.runtimes().factory().completions());
        }
    }
}
