package io.wasmrun.cli.repl;

import io.wasmrun.WasmrunException;
import java.util.List;

/** {@code :help [COMMAND]}: the command list, or one command's usage. */
final class HelpCommand implements Command {
    private final CommandTable table;

    HelpCommand(CommandTable table) {
        this.table = table;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String usage() {
        return ":help [COMMAND]";
    }

    @Override
    public String summary() {
        return "list the commands, or show how to use one";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("[COMMAND]");
    }

    @Override
    public void run(Session session, Arguments args) {
        args.expect(0, 1);
        var out = session.out();
        if (args.size() == 1) {
            String name = args.get(0).startsWith(":") ? args.get(0).substring(1) : args.get(0);
            Command command = table.find(name)
                    .orElseThrow(() -> new WasmrunException("unknown command `:" + name + "` (type :help for the list)"));
            out.println(command.usage());
            out.println("  " + command.summary());
            return;
        }
        out.println("FUNC ARGS...  call an exported function of the default module; MODULE.FUNC for another");
        for (Command command : table.all()) {
            out.println(command.usage());
            out.println("    " + command.summary());
        }
        out.println("Values: integers in decimal or 0x hex, floats like 1.5, 0x1p-3, inf, nan; a v128 in");
        out.println("parentheses or quotes, f (i32x4 1 2 3 4) or f \"f32x4 1.5 nan inf -0\" (shapes i8x16, i16x8,");
        out.println("i32x4, i64x2, f32x4, f64x2), or as one 128-bit integer, 0x..., lane 0 in the lowest bits.");
        out.println("Tab completes; Ctrl-C stops a running call, Ctrl-D quits.");
    }

    @Override
    public void complete(Session session, Completions completions) {
        if (completions.index() == 0) {
            table.all().forEach(c -> completions.add(c.name(), c.summary()));
        }
    }
}
