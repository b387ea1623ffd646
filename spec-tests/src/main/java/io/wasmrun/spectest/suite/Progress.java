package io.wasmrun.spectest.suite;

import java.io.Console;
import java.io.PrintStream;

/**
 * Shows how far a suite run is: a redrawn bar on a terminal, one plain line per finished item
 * otherwise (logs, CI). Other lines are printed above the bar. Used by {@link SpecSuite} and by
 * the WASI test suite runner ({@code io.wasmrun.spectest.wasi}).
 */
public final class Progress {
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private int done;
    private boolean barShown;
    private String label = "";

    public Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** A progress display on {@code out}, with a bar when the JVM runs on a terminal. */
    public static Progress on(PrintStream out, int total) {
        Console console = System.console();
        return new Progress(out, console != null && console.isTerminal(), total);
    }

    /** Prints a line (above the bar on a terminal). */
    public void line(String text) {
        clearBar();
        out.println(text);
        redraw();
    }

    /** Records one finished script run. */
    void completed(String configuration, String file, FileOutcome outcome) {
        completed(
                configuration + " " + file,
                String.format(
                        "%s %s: %d passed, %d failed, %d skipped",
                        configuration, file, outcome.result().passed(), outcome.unexpected().size(), outcome.skipped()));
    }

    /**
     * Records one finished item: on a terminal the bar advances and shows {@code label}, otherwise
     * {@code [done/total] summary} is printed.
     */
    public void completed(String label, String summary) {
        done++;
        if (terminal) {
            this.label = label;
            redraw();
        } else {
            out.printf("[%d/%d] %s%n", done, total, summary);
        }
    }

    /** Removes the bar. */
    public void finish() {
        clearBar();
        out.flush();
    }

    private void redraw() {
        if (!terminal || done == 0) {
            return;
        }
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        String bar = "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled);
        String text = String.format("[%s] %d/%d %s", bar, done, total, label);
        out.print("\r\033[K" + (text.length() > 110 ? text.substring(0, 110) : text));
        out.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r\033[K");
            barShown = false;
        }
    }
}
