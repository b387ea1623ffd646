package io.wasmrun.wast;

import io.wasmrun.text.wast.WastAction;
import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a script read by wasmrun's text parser into the runner's {@link Command}s, the same ones
 * {@link ScriptReader} makes of wast2json's JSON: names keep their {@code $}, an assertion has
 * the line of its action or module (where wast2json reports it, and so where expectations files
 * point), and {@code assert_trap} of a module is {@code assert_uninstantiable}.
 */
final class ScriptAdapter {
    private ScriptAdapter() {}

    static WastScript adapt(Path source, io.wasmrun.text.wast.WastScript script) {
        String file = source.getFileName().toString();
        List<Command> commands = new ArrayList<>(script.commands().size());
        for (WastCommand command : script.commands()) {
            commands.add(command(file, command));
        }
        return new WastScript(source, commands);
    }

    private static Command command(String file, WastCommand command) {
        return switch (command) {
            case WastCommand.ModuleCommand c ->
                    new Command.Module(c.line(), name(c.module().name()), module(file, c.module()), c.module().isDefinition());
            case WastCommand.ModuleInstance c -> new Command.ModuleInstance(c.line(), name(c.instance()), name(c.definition()));
            case WastCommand.Register c -> new Command.Register(c.line(), name(c.module()), c.as());
            case WastCommand.Action c -> new Command.Perform(c.action().line(), action(c.action()));
            case WastCommand.AssertReturn c -> new Command.AssertReturn(c.action().line(), action(c.action()), values(c.expected()));
            case WastCommand.AssertTrap c when c.action() == null ->
                    new Command.AssertModule(c.module().line(), Command.ModuleKind.UNINSTANTIABLE, module(file, c.module()), c.text());
            case WastCommand.AssertTrap c ->
                    new Command.AssertFailure(c.action().line(), Command.FailureKind.TRAP, action(c.action()), c.text());
            case WastCommand.AssertExhaustion c ->
                    new Command.AssertFailure(c.action().line(), Command.FailureKind.EXHAUSTION, action(c.action()), c.text());
            case WastCommand.AssertException c ->
                    new Command.AssertFailure(c.action().line(), Command.FailureKind.EXCEPTION, action(c.action()), null);
            case WastCommand.AssertModule c ->
                    new Command.AssertModule(c.module().line(), moduleKind(c.type()), module(file, c.module()), c.text());
            case WastCommand.Thread c -> new Command.Unsupported(c.line(), c.type(), "the runner does not run script threads");
            case WastCommand.Wait c -> new Command.Unsupported(c.line(), c.type(), "the runner does not run script threads");
        };
    }

    private static Command.ModuleKind moduleKind(String type) {
        for (Command.ModuleKind kind : Command.ModuleKind.values()) {
            if (kind.commandName().equals(type)) {
                return kind;
            }
        }
        throw new ScriptException("unknown module assertion `" + type + "`");
    }

    private static ScriptModule module(String file, WastModule module) {
        return new ScriptModule.Parsed(file + ":" + module.line(), module);
    }

    private static Action action(WastAction action) {
        Action.Kind kind = action.type().equals("get") ? Action.Kind.GET : Action.Kind.INVOKE;
        return new Action(kind, name(action.module()), action.field(), values(action.args()));
    }

    private static List<WastValue> values(List<io.wasmrun.text.wast.WastValue> values) {
        List<WastValue> result = new ArrayList<>(values.size());
        for (var value : values) {
            result.add(value(value));
        }
        return result;
    }

    private static WastValue value(io.wasmrun.text.wast.WastValue value) {
        if (!value.alternatives().isEmpty()) {
            return WastValue.either(values(value.alternatives()));
        }
        if (value.isVector()) {
            return WastValue.vector(value.laneType(), value.lanes());
        }
        return WastValue.of(value.type(), value.value());
    }

    /** {@code $name} as wast2json writes it, or null. */
    private static String name(String id) {
        return id == null ? null : "$" + id;
    }
}
