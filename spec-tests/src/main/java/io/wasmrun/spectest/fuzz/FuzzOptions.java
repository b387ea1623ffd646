package io.wasmrun.spectest.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link Fuzz}.
 *
 * @param mode {@code campaign} (generate and compare), {@code replay} (compare given modules),
 *     {@code reduce} (reduce saved failures), {@code mutate-binary} (mutate modules' bytes and
 *     check that loading them fails cleanly)
 * @param seed the campaign's seed; module {@code i} comes from {@code (seed, i)} alone
 * @param first the index of the first module (default 0), to run one module of a campaign again
 * @param count how many modules
 * @param duration stop starting modules after this long (null: no limit)
 * @param features the features of translate-to-fuzz
 * @param configs the wasmrun configurations
 * @param jobs worker threads, each with its own node process
 * @param generators {@code ttf} and/or {@code edge}
 * @param edgeShare the share of modules the edge generator makes when both are on
 * @param nans {@code keep} (modules keep their NaNs; a divergence that could come from a NaN
 *     payload is checked again on the module's {@code --denan} variant), {@code denan}
 *     (binaryen's {@code --denan} on every translate-to-fuzz module) or {@code mixed} (on half of
 *     them, as binaryen's fuzz_opt.py does)
 * @param compareMemory whether {@code --replay} compares memory contents
 * @param nanRule how NaNs compare
 * @param out where failures and work files go
 * @param expectations known divergences, or null
 * @param reduce which failures to reduce: {@code new}, {@code all} or {@code none}
 * @param reduceTime how long one reduction may take
 * @param oracle {@code node}, or {@code none} to compare the configurations with the first one
 * @param node the node command
 * @param wasmOpt the wasm-opt command
 * @param wasmReduce the wasm-reduce command
 * @param inputSize the mean size of translate-to-fuzz's random input, in bytes
 * @param timeout how long one engine may take with one module (default 60 s, 10 s for mutants,
 *     which often loop for ever once their hang limit is broken)
 * @param paths modules for {@code replay}, failure folders for {@code reduce}
 * @param maxSaved how many modules to keep per divergence signature and configuration set
 */
record FuzzOptions(
        String mode,
        long seed,
        int first,
        int count,
        Duration duration,
        Features features,
        List<FuzzConfiguration> configs,
        int jobs,
        List<String> generators,
        double edgeShare,
        String nans,
        boolean compareMemory,
        NanRule nanRule,
        Path out,
        Path expectations,
        String reduce,
        Duration reduceTime,
        String oracle,
        String node,
        String wasmOpt,
        String wasmReduce,
        int inputSize,
        Duration timeout,
        List<Path> paths,
        int maxSaved) {

    @Override
    public Duration timeout() {
        return timeout != null ? timeout : Duration.ofSeconds(mode.startsWith("mutate") ? 10 : 60);
    }

    static final String USAGE =
            """
            usage: scripts/fuzz [--seed N] [--first I] [--count N] [--time DURATION] [--features LIST]
                                [--configs LIST] [--jobs N] [--generators ttf,edge] [--edge-share F]
                                [--nans keep|denan|mixed] [--nan-rule quietness|any] [--out DIR]
                                [--expectations FILE] [--reduce new|all|none] [--reduce-time DURATION]
                                [--oracle node|none] [--input-size BYTES] [--timeout DURATION]
                                [--max-saved N] [--node CMD] [--wasm-opt CMD] [--wasm-reduce CMD]
                   scripts/fuzz --replay MODULE.wasm...      compare given modules, print the traces
                   scripts/fuzz --reduce-failure DIR...      reduce saved failures again
                   scripts/fuzz --mutate binary [--seed N] [--count N] ...
                   scripts/fuzz --mutate text [--seed N] [--time DURATION]""";

    static FuzzOptions parse(String[] args) {
        String mode = "campaign";
        long seed = System.currentTimeMillis() % 1_000_000;
        int first = 0;
        int count = 1000;
        Duration duration = null;
        Features features = Features.defaults();
        List<FuzzConfiguration> configs = FuzzConfiguration.ALL;
        int jobs = 1;
        List<String> generators = List.of("ttf", "edge");
        double edgeShare = 0.2;
        String nans = "keep";
        boolean compareMemory = true;
        NanRule nanRule = NanRule.QUIETNESS;
        Path out = Path.of("target", "fuzz");
        Path expectations = null;
        String reduce = "new";
        Duration reduceTime = Duration.ofMinutes(3);
        String oracle = "node";
        String node = "node";
        String wasmOpt = "wasm-opt";
        String wasmReduce = "wasm-reduce";
        int inputSize = 8192;
        Duration timeout = null;
        List<Path> paths = new ArrayList<>();
        int maxSaved = 3;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.contains("=")) {
                int eq = arg.indexOf('=');
                List<String> rest = new ArrayList<>(List.of(args));
                rest.set(i, arg.substring(0, eq));
                rest.add(i + 1, arg.substring(eq + 1));
                args = rest.toArray(String[]::new);
                arg = args[i];
            }
            switch (arg) {
                case "--seed" -> seed = parseLong(value(args, ++i, arg), arg);
                case "--first" -> first = (int) parseLong(value(args, ++i, arg), arg);
                case "--count" -> count = (int) positive(parseLong(value(args, ++i, arg), arg), arg);
                case "--time" -> duration = duration(value(args, ++i, arg), arg);
                case "--features" -> features = Features.parse(value(args, ++i, arg));
                case "--configs" -> configs = FuzzConfiguration.parseList(value(args, ++i, arg));
                case "--jobs" -> jobs = (int) positive(parseLong(value(args, ++i, arg), arg), arg);
                case "--generators" -> generators = generators(value(args, ++i, arg));
                case "--edge-share" -> edgeShare = share(value(args, ++i, arg), arg);
                case "--denan" -> nans = "denan";
                case "--nans" -> nans = oneOf(value(args, ++i, arg), arg, "keep", "denan", "mixed");
                case "--no-memory" -> compareMemory = false;
                case "--nan-rule" -> nanRule = nanRule(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--expectations" -> expectations = Path.of(value(args, ++i, arg));
                case "--reduce" -> reduce = oneOf(value(args, ++i, arg), arg, "new", "all", "none");
                case "--no-reduce" -> reduce = "none";
                case "--reduce-time" -> reduceTime = duration(value(args, ++i, arg), arg);
                case "--oracle" -> oracle = oneOf(value(args, ++i, arg), arg, "node", "none");
                case "--node" -> node = value(args, ++i, arg);
                case "--wasm-opt" -> wasmOpt = value(args, ++i, arg);
                case "--wasm-reduce" -> wasmReduce = value(args, ++i, arg);
                case "--input-size" -> inputSize = (int) positive(parseLong(value(args, ++i, arg), arg), arg);
                case "--timeout" -> timeout = duration(value(args, ++i, arg), arg);
                case "--max-saved" -> maxSaved = (int) parseLong(value(args, ++i, arg), arg);
                case "--replay" -> mode = "replay";
                case "--reduce-failure" -> mode = "reduce";
                case "--mutate" -> {
                    String what = oneOf(value(args, ++i, arg), arg, "binary");
                    mode = "mutate-" + what;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option `" + arg + "`");
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if ((mode.equals("replay") || mode.equals("reduce")) && paths.isEmpty()) {
            throw new IllegalArgumentException("--" + (mode.equals("replay") ? "replay" : "reduce-failure") + " needs at least one path");
        }
        if (!mode.equals("replay") && !mode.equals("reduce") && !paths.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument `" + paths.getFirst() + "`");
        }
        return new FuzzOptions(mode, seed, first, count, duration, features, configs, jobs, generators, edgeShare, nans, compareMemory, nanRule, out, expectations, reduce,
                reduceTime, oracle, node, wasmOpt, wasmReduce, inputSize, timeout, List.copyOf(paths), maxSaved);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long parseLong(String text, String option) {
        try {
            return Long.decode(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": `" + text + "` is not a number");
        }
    }

    private static long positive(long n, String option) {
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be a positive number, got " + n);
        }
        return n;
    }

    private static double share(String text, String option) {
        try {
            double d = Double.parseDouble(text);
            if (d < 0 || d > 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number from 0 to 1, got `" + text + "`");
        }
    }

    /** {@code 90}, {@code 90s}, {@code 2m}, {@code 1h}, {@code 500ms}. */
    static Duration duration(String text, String option) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": `" + text + "` is not a duration (e.g. 90s, 2m, 1h)");
        }
    }

    private static String oneOf(String text, String option, String... allowed) {
        for (String a : allowed) {
            if (a.equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException(option + " takes one of " + String.join(", ", allowed) + ", got `" + text + "`");
    }

    private static NanRule nanRule(String text) {
        return switch (text) {
            case "quietness" -> NanRule.QUIETNESS;
            case "any" -> NanRule.ANY;
            default -> throw new IllegalArgumentException("--nan-rule takes quietness or any, got `" + text + "`");
        };
    }

    private static List<String> generators(String text) {
        List<String> list = new ArrayList<>();
        for (String word : text.split(",")) {
            String w = oneOf(word.strip(), "--generators", "ttf", "edge");
            if (!list.contains(w)) {
                list.add(w);
            }
        }
        return List.copyOf(list);
    }
}
