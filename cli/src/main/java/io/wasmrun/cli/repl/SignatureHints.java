package io.wasmrun.cli.repl;

import io.wasmrun.FuncType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jline.console.ArgDesc;
import org.jline.console.CmdDesc;
import org.jline.console.CmdLine;
import org.jline.utils.AttributedString;

/**
 * The hints shown while typing, for JLine's {@code TailTipWidgets}: after a function name, the
 * types of the parameters still to type appear after the cursor and the full signature in the
 * status line; after a command, its arguments and usage.
 */
final class SignatureHints implements Function<CmdLine, CmdDesc> {
    private final Session session;
    private final CommandTable commands;

    SignatureHints(Session session, CommandTable commands) {
        this.session = session;
        this.commands = commands;
    }

    @Override
    public CmdDesc apply(CmdLine line) {
        if (line.getDescriptionType() != CmdLine.DescriptionType.COMMAND || line.getArgs().isEmpty()) {
            return null;
        }
        List<String> words = line.getArgs();
        String first = words.get(0);
        if (!first.startsWith(":")) {
            return function(first, List.of());
        }
        Command command = commands.find(first.substring(1)).orElse(null);
        if (command == null) {
            return null;
        }
        if (command instanceof InvokeCommand && words.size() > 2) {
            return function(words.get(1), List.of("FUNC"));
        }
        return describe(List.of(command.usage() + "  " + command.summary()), command.hintArguments());
    }

    /** The hint for calling {@code ref}, after {@code leading} argument names; null if unknown. */
    private CmdDesc function(String ref, List<String> leading) {
        return session.modules().lookup(ref, ExportKind.FUNCTION)
                .map(export -> {
                    FuncType type = export.module().functionType(export.name()).orElseThrow();
                    List<String> names = new ArrayList<>(leading);
                    type.params().forEach(p -> names.add(p.toString()));
                    String signature = type.signature(export.name()) + "  (" + export.module().name() + ")";
                    return describe(List.of(signature), names);
                })
                .orElse(null);
    }

    private static CmdDesc describe(List<String> main, List<String> argumentNames) {
        return new CmdDesc(
                main.stream().map(AttributedString::new).toList(), ArgDesc.doArgNames(argumentNames), Map.of());
    }
}
