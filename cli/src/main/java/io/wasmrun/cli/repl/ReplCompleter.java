package io.wasmrun.cli.repl;

import java.nio.file.Path;
import java.util.List;
import org.jline.builtins.Completers.FilesCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: command names and function names for the first word, then whatever the
 * command completes (file paths, module names, export names, settings).
 */
final class ReplCompleter implements Completer {
    private final Session session;
    private final CommandTable commands;
    private final FilesCompleter files;

    ReplCompleter(Session session, CommandTable commands, Path workingDirectory) {
        this.session = session;
        this.commands = commands;
        this.files = new FilesCompleter(workingDirectory.toAbsolutePath());
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (line.wordIndex() == 0) {
            for (Command command : commands.all()) {
                candidates.add(new Candidate(
                        ":" + command.name(), ":" + command.name(), "commands", command.summary(), null, null, true));
            }
            FunctionNames.addTo(session, new Completions(List.of(), 0, candidates, () -> { }));
            return;
        }
        String first = words.get(0);
        if (!first.startsWith(":")) {
            return;
        }
        commands.find(first.substring(1)).ifPresent(command -> command.complete(
                session,
                new Completions(
                        words.subList(1, words.size()),
                        line.wordIndex() - 1,
                        candidates,
                        () -> files.complete(reader, line, candidates))));
    }
}
