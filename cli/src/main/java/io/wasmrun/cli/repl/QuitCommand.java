package io.wasmrun.cli.repl;

import java.util.List;

/** {@code :quit}: ends the session, like Ctrl-D. */
final class QuitCommand implements Command {

    @Override
    public String name() {
        return "quit";
    }

    @Override
    public List<String> aliases() {
        return List.of("exit");
    }

    @Override
    public String usage() {
        return ":quit";
    }

    @Override
    public String summary() {
        return "leave the REPL (also :exit or Ctrl-D)";
    }


    @Override
    public void run(Session session, Arguments args) {
        args.expect(0, 0);
        session.quit();
    }
}
