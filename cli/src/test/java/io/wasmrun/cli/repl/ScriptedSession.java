package io.wasmrun.cli.repl;

import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.terminal.Terminal;

/** A REPL driven line by line, returning what each line printed. */
final class ScriptedSession implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Repl repl;
    private int outSeen;
    private int errSeen;
    private String lastErrors = "";
    private final Path dir;

    ScriptedSession(Path dir) throws IOException {
        this.dir = dir;
        terminal = ReplHarness.terminal(InputStream.nullInputStream(), out);
        repl = new Repl(
                terminal, err, ReplHarness.config(dir, false, Optional.empty()), new OnDemandInstanceAllocator());
    }

    Repl repl() {
        return repl;
    }

    /** Runs {@code line} and returns its standard output. */
    String run(String line) {
        repl.execute(line);
        String all = ReplHarness.text(out);
        String errors = ReplHarness.text(err);
        lastErrors = errors.substring(errSeen);
        errSeen = errors.length();
        String printed = all.substring(outSeen);
        outSeen = all.length();
        return printed;
    }

    /** The completion candidates the REPL offers for {@code line}, sorted. */
    List<String> complete(String line) {
        var reader = repl.reader();
        ParsedLine parsed = reader.getParser().parse(line, line.length(), ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new ReplCompleter(repl.session(), CommandTable.standard(), dir).complete(reader, parsed, candidates);
        return candidates.stream().map(Candidate::value).sorted().toList();
    }

    /** What the last line printed as errors. */
    String errors() {
        return lastErrors;
    }

    @Override
    public void close() throws IOException {
        repl.close();
        terminal.close();
    }
}
