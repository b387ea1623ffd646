package io.wasmrun.cli.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.widget.TailTipWidgets;

/** Builds the REPL's line editor: parser, completion, history file and signature hints. */
final class LineReaders {
    private static final String CONTINUATION_PROMPT = "    ...> ";

    private LineReaders() {}

    static LineReader create(Terminal terminal, ReplConfig config, Session session, CommandTable commands) {
        var builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("wasmrun")
                .parser(new ReplParser())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, config.interactive() ? CONTINUATION_PROMPT : "")
                .completer(new ReplCompleter(session, commands, config.workingDirectory()))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (config.interactive() && config.history().isPresent()) {
            Path history = config.history().get();
            try {
                createParent(history);
                builder.variable(LineReader.HISTORY_FILE, history);
            } catch (IOException e) {
                session.err().println("warning: not keeping history in " + history + ": " + e.getMessage());
            }
        }
        LineReader reader = builder.build();
        if (config.interactive() && !isDumb(terminal)) {
            new TailTipWidgets(reader, new SignatureHints(session, commands), 1, TailTipWidgets.TipType.TAIL_TIP)
                    .enable();
        }
        return reader;
    }

    static boolean isDumb(Terminal terminal) {
        return terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
