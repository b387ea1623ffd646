package io.wasmrun.spectest.suite;

import io.wasmrun.Strategy;
import io.wasmrun.wast.ScriptConverter;
import io.wasmrun.wast.Wast2Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link SpecSuite}.
 *
 * @param suite the suite folder
 * @param filters globs on paths relative to the suite folder; a script runs if any matches
 * @param proposals whether to run {@code proposals/*}{@code /*.wast} too
 * @param recursive whether to run the {@code .wast} files of every subfolder too
 * @param expectations the expectations files, possibly none
 * @param allocators the allocator column names
 * @param engines the engines
 * @param out the report folder
 * @param converter {@code native} or {@code wast2json}
 * @param cache the wast2json cache folder
 * @param wast2json the wast2json command
 * @param name the report's name
 * @param throughCache whether each module is compiled into a compile cache first and then loaded
 *     again from it, so the compiler engine runs every module on a cache hit's path (declarations
 *     only, classes defined on first use)
 */
record SuiteOptions(
        Path suite,
        List<Glob> filters,
        boolean proposals,
        boolean recursive,
        List<Path> expectations,
        List<String> allocators,
        List<Strategy> engines,
        Path out,
        String converter,
        Path cache,
        String wast2json,
        String name,
        boolean throughCache) {

    static final String USAGE =
            """
            usage: SpecSuite [--suite DIR] [--filter GLOB]... [--proposals | --recursive]
                             [--expectations FILE]... [--allocators on-demand,pooling]
                             [--engines compiler,interpreter] [--out DIR]
                             [--converter native|wast2json] [--cache DIR] [--wast2json CMD]
                             [--name NAME] [--through-cache]""";

    static SuiteOptions parse(String[] args) {
        Path suite = Path.of("..", "shared", "wasm-testsuite", "wasm-2.0");
        List<Glob> filters = new ArrayList<>();
        boolean proposals = false;
        boolean recursive = false;
        List<Path> expectations = new ArrayList<>();
        List<String> allocators = Allocators.names();
        List<Strategy> engines = List.of(Strategy.values());
        Path out = Path.of("target", "spec-results");
        String converter = ScriptConverter.NAMES.getFirst();
        Path cache = Wast2Json.defaultCacheRoot();
        String wast2json = "wast2json";
        String name = null;
        boolean throughCache = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--proposals" -> proposals = true;
                case "--recursive" -> recursive = true;
                case "--suite" -> suite = Path.of(value(args, ++i, arg));
                case "--filter" -> filters.add(Glob.of(value(args, ++i, arg)));
                case "--expectations" -> expectations.add(Path.of(value(args, ++i, arg)));
                case "--allocators" -> allocators = allocators(value(args, ++i, arg));
                case "--engines" -> engines = engines(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--converter" -> converter = converter(value(args, ++i, arg));
                case "--cache" -> cache = Path.of(value(args, ++i, arg));
                case "--wast2json" -> wast2json = value(args, ++i, arg);
                case "--name" -> name = value(args, ++i, arg);
                case "--through-cache" -> throughCache = true;
                default -> throw new IllegalArgumentException("unknown option `" + arg + "`");
            }
        }
        suite = suite.toAbsolutePath().normalize();
        if (name == null) {
            name = suite.getFileName() + (recursive ? "-all" : proposals ? "-with-proposals" : "") + (throughCache ? "-through-cache" : "");
        }
        return new SuiteOptions(
                suite, List.copyOf(filters), proposals, recursive, List.copyOf(expectations), allocators, engines, out, converter, cache, wast2json, name, throughCache);
    }

    /** Whether the script at {@code relative} passes the filters. */
    boolean selects(String relative) {
        return filters.isEmpty() || filters.stream().anyMatch(g -> g.matches(relative));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Creates the converter the options name. */
    ScriptConverter createConverter() {
        return ScriptConverter.named(converter, wast2json, cache);
    }

    private static String converter(String name) {
        if (!ScriptConverter.NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown converter `" + name + "` (expected one of " + ScriptConverter.NAMES + ")");
        }
        return name;
    }

    private static List<String> allocators(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::strip).toList();
        for (String name : names) {
            if (!Allocators.isKnown(name)) {
                throw new IllegalArgumentException("unknown allocator `" + name + "` (expected one of " + Allocators.names() + ")");
            }
        }
        return names;
    }

    private static List<Strategy> engines(String list) {
        List<Strategy> engines = new ArrayList<>();
        for (String name : list.split(",")) {
            try {
                engines.add(Strategy.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown engine `" + name + "` (expected compiler or interpreter)", e);
            }
        }
        return engines;
    }
}
