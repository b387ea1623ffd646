package io.wasmrun.cli.repl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The REPL's commands by name and alias, in the order {@code :help} lists them. */
final class CommandTable {
    private final List<Command> commands = new ArrayList<>();
    private final Map<String, Command> byName = new LinkedHashMap<>();

    private CommandTable() {}

    /** Every command of the REPL. */
    static CommandTable standard() {
        var table = new CommandTable();
        table.add(new LoadCommand());
        table.add(new DefineCommand());
        table.add(new ReloadCommand());
        table.add(new ModulesCommand());
        table.add(new UseCommand());
        table.add(new InvokeCommand());
        table.add(InterfaceCommand.exports());
        table.add(InterfaceCommand.imports());
        table.add(new GlobalCommand());
        table.add(new MemoryCommand());
        table.add(new StatsCommand());
        table.add(new SetCommand());
        table.add(new HelpCommand(table));
        table.add(new QuitCommand());
        return table;
    }

    private void add(Command command) {
        commands.add(command);
        byName.put(command.name(), command);
        command.aliases().forEach(alias -> byName.put(alias, command));
    }

    /** The command called {@code name} (without the colon). */
    Optional<Command> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    List<Command> all() {
        return List.copyOf(commands);
    }
}
