package io.wasmrun.cli.repl;

import io.wasmrun.Trap;
import io.wasmrun.TrapKind;
import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.InstanceAllocator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.Status;

/**
 * The read-eval-print loop of {@code wasmrun repl} on a JLine terminal. A line is a command
 * ({@code :load fib.wasm}) or a call ({@code fib 20}); errors print one line and the session
 * goes on. Ctrl-C stops a running call (or clears the line), Ctrl-D or {@code :quit} ends the
 * session. Lines starting with {@code #} are comments, for scripts.
 */
public final class Repl implements AutoCloseable {
    private static final String PROMPT = "wasmrun> ";

    private final Terminal terminal;
    private final ReplConfig config;
    private final Session session;
    private final CommandTable commands = CommandTable.standard();
    private final LineReader reader;
    private final Terminal.SignalHandler previousInterruptHandler;
    private boolean failed;

    /** A REPL that prints everything, errors and guest output included, on {@code terminal}. */
    public Repl(Terminal terminal, ReplConfig config, InstanceAllocator allocator) {
        this(terminal, terminal.writer(), terminal.output(), config, allocator);
    }

    /** A REPL that prints errors and guests' stderr to {@code errors} (e.g. stderr for scripts). */
    public Repl(Terminal terminal, OutputStream errors, ReplConfig config, InstanceAllocator allocator) {
        this(terminal, new PrintWriter(new OutputStreamWriter(errors, StandardCharsets.UTF_8)), errors, config, allocator);
    }

    private Repl(
            Terminal terminal,
            PrintWriter err,
            OutputStream guestErr,
            ReplConfig config,
            InstanceAllocator allocator) {
        this.terminal = terminal;
        this.config = config;
        this.session = new Session(config, allocator, terminal.writer(), err, terminal.output(), guestErr);
        this.reader = LineReaders.create(terminal, config, session, commands);
        this.previousInterruptHandler =
                terminal.handle(Terminal.Signal.INT, signal -> session.calls().interrupt());
    }

    /**
     * Reads and runs lines until Ctrl-D, end of input or {@code :quit}.
     *
     * @return 0, or 1 when input was not interactive and a line failed
     */
    public int run() {
        String prompt = config.interactive() ? PROMPT : "";
        while (!session.quitting()) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                if (LineReaders.isDumb(terminal)) {
                    terminal.writer().println();
                }
                continue;
            } catch (EndOfFileException e) {
                if (e.getPartialLine() != null) {
                    execute(e.getPartialLine());
                } else if (config.interactive()) {
                    terminal.writer().println();
                }
                break;
            }
            execute(line);
        }
        return failed && !config.interactive() ? 1 : 0;
    }

    /**
     * Runs one line and prints its output or error.
     *
     * @return whether it succeeded
     */
    public boolean execute(String line) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return true;
        }
        return guarded(() -> dispatch(text));
    }

    /**
     * Loads a module file like {@code :load PATH}, printing the outcome.
     *
     * @return whether it loaded
     */
    public boolean load(Path module) {
        return guarded(() -> LoadCommand.load(session, module, null));
    }

    private boolean guarded(Runnable action) {
        try {
            action.run();
            return true;
        } catch (WasmrunException e) {
            report(e);
        } catch (RuntimeException e) {
            session.err().println("error: internal error: " + e);
            if (config.verbose()) {
                e.printStackTrace(session.err());
            } else {
                session.err().println("(run with --verbose for the stack trace)");
            }
        } finally {
            session.flush();
        }
        failed = true;
        return false;
    }

    private void dispatch(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String head = text.substring(0, end);
        if (!head.startsWith(":")) {
            List<Token> tokens = Tokenizer.split(text);
            Token function = tokens.get(0);
            Invoker.invoke(session, function.text(), tokens.subList(1, tokens.size()));
            return;
        }
        String name = head.substring(1);
        Command command = commands.find(name)
                .orElseThrow(() -> new WasmrunException("unknown command `:" + name + "` (type :help for the list)"));
        String rest = text.substring(end);
        command.run(session, command.rawArguments()
                ? Arguments.raw(command.usage(), rest)
                : new Arguments(command.usage(), Tokenizer.split(rest)));
    }

    private void report(WasmrunException error) {
        if (isInterrupt(error)) {
            session.err().println(config.interactive() ? "\ninterrupted" : "interrupted");
            return;
        }
        if (error instanceof Trap trap) {
            session.err().println("error: " + (config.verbose() ? trap.describe() : trap.getMessage()));
            return;
        }
        session.err().println("error: " + error.getMessage());
        if (config.verbose()) {
            error.printStackTrace(session.err());
        }
    }

    Session session() {
        return session;
    }

    LineReader reader() {
        return reader;
    }

    /** Whether {@code error} reports a call stopped by Ctrl-C, on the caller's or a stack thread. */
    private static boolean isInterrupt(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Trap trap && trap.kind() == TrapKind.INTERRUPT || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        terminal.handle(Terminal.Signal.INT, previousInterruptHandler);
        Status.getExistingStatus(terminal).ifPresent(Status::hide);
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            session.err().println("warning: could not save the history: " + e.getMessage());
        }
        try {
            session.close();
        } finally {
            session.flush();
        }
    }
}
