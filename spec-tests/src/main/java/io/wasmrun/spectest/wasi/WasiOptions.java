package io.wasmrun.spectest.wasi;

import io.wasmrun.spectest.suite.Glob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link WasiTestSuite}.
 *
 * @param suite the wasi-testsuite folder (absolute)
 * @param suiteGiven whether {@code --suite} named it (a missing default folder skips the run, a
 *     missing named one is an error)
 * @param filters globs on test names; a test runs if any matches (all run when there is none)
 * @param jobs how many tests run at the same time
 * @param timeout the time one test may take
 * @param verbose whether to print each command and the output of failed tests
 * @param wasmrun the command that starts wasmrun
 * @param wasmrunOptions options for {@code wasmrun run} (from {@code --engine})
 * @param out the report folder
 */
record WasiOptions(
        Path suite,
        boolean suiteGiven,
        List<Glob> filters,
        int jobs,
        Duration timeout,
        boolean verbose,
        List<String> wasmrun,
        List<String> wasmrunOptions,
        Path out) {

    static final String USAGE =
            """
            usage: WasiTestSuite [--suite DIR] [--filter GLOB]... [--jobs N] [--timeout SECONDS]
                                 [--engine compiler|interpreter] [--verbose]
                                 [--wasmrun COMMAND] [--out DIR]""";

    static final Path DEFAULT_SUITE = Path.of("..", "shared", "wasi-testsuite");

    static WasiOptions parse(String[] args) {
        Path suite = DEFAULT_SUITE;
        boolean suiteGiven = false;
        List<Glob> filters = new ArrayList<>();
        int jobs = 1;
        Duration timeout = Duration.ofSeconds(60);
        boolean verbose = false;
        String wasmrun = Path.of("scripts", "wasmrun").toString();
        List<String> wasmrunOptions = new ArrayList<>();
        Path out = Path.of("target", "wasi-results");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--suite" -> {
                    suite = Path.of(value(args, ++i, arg));
                    suiteGiven = true;
                }
                case "--filter" -> filters.add(Glob.of(value(args, ++i, arg)));
                case "--jobs", "-j" -> jobs = positive(value(args, ++i, arg), arg);
                case "--timeout" -> timeout = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                case "--engine" -> {
                    String engine = value(args, ++i, arg);
                    if (!engine.equals("compiler") && !engine.equals("interpreter")) {
                        throw new IllegalArgumentException("unknown engine `" + engine + "` (expected compiler or interpreter)");
                    }
                    wasmrunOptions.add("--engine");
                    wasmrunOptions.add(engine);
                }
                case "--verbose", "-v" -> verbose = true;
                case "--wasmrun" -> wasmrun = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option `" + arg + "`");
            }
        }
        return new WasiOptions(
                suite.toAbsolutePath().normalize(), suiteGiven, List.copyOf(filters), jobs, timeout, verbose,
                List.of(wasmrun), List.copyOf(wasmrunOptions), out);
    }

    /**
     * Whether the test runs: a glob matches its name ({@code rust/path_link}), or, for a glob
     * without {@code /}, its base name ({@code path_*}).
     */
    boolean selects(WasiTest test) {
        return filters.isEmpty()
                || filters.stream().anyMatch(g -> g.matches(test.name()) || (!g.text().contains("/") && g.matches(test.baseName())));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " needs a positive number, not `" + text + "`");
    }
}
