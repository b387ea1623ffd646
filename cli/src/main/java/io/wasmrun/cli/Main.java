package io.wasmrun.cli;

import io.wasmrun.runtime.StartupWarmup;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wasmrun}: the command line. {@code run} is the default subcommand, so {@code wasmrun
 * hello.wasm} means {@code wasmrun run hello.wasm}, as in wasmtime.
 *
 * <p>Start-up matters most for {@code run}, so this command, {@code run} and the option groups
 * are declared in code ({@link OptionSpecs}); the other commands use picocli's annotations.
 * Subcommands are registered on demand: a command line that names one command (or defaults to
 * {@code run}) builds only that one, {@code --version} none; help, completion and an empty
 * command line build them all.
 */
public final class Main implements java.util.concurrent.Callable<Integer> {
    private static final String COMPLETION = "generate-completion";
    private static final String FOOTER_EXIT_CODES =
            "Exit codes: 0 ok, 1 error, 2 usage, 134 wasm trap, otherwise the guest's proc_exit code.";

    /** Every subcommand by name, in the order help lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("error: missing MODULE or COMMAND");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", () -> new RunCommand().spec());
        commands.put("validate", ValidateCommand::new);
        commands.put("inspect", InspectCommand::new);
        commands.put("compile", CompileCommand::new);
        commands.put("wat2wasm", Wat2WasmCommand::new);
        commands.put("bench", BenchCommand::new);
        commands.put("wast", WastCommand::new);
        commands.put("repl", ReplCommand::new);
        commands.put(COMPLETION, AutoComplete.GenerateCompletion::new);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * Builds the configured command line with the subcommands {@code args} needs; tests drive it
     * with their own streams.
     */
    public static CommandLine commandLine(String... args) {
        var cli = new CommandLine(new Main().spec(), new CommandFactory());
        for (String name : subcommandsNeeded(args)) {
            cli.addSubcommand(name, subcommand(SUBCOMMANDS.get(name).get()));
        }
        if (cli.getSubcommands().containsKey(COMPLETION)) {
            cli.getSubcommands().get(COMPLETION).getCommandSpec().usageMessage().hidden(false);
        }
        ErrorReporter reporter = new ErrorReporter();
        cli.setExecutionExceptionHandler(reporter);
        cli.setParameterExceptionHandler(reporter);
        return cli;
    }

    /** The subcommands a command line starting with {@code args} can reach. */
    private static Collection<String> subcommandsNeeded(String[] args) {
        String first = args.length == 0 ? "--help" : args[0];
        return switch (first) {
            case "-h", "--help", COMPLETION -> SUBCOMMANDS.keySet();
            case "-V", "--version" -> List.of();
            default -> List.of(SUBCOMMANDS.containsKey(first) ? first : "run");
        };
    }

    /** The top-level command's picocli model (declared in code: see {@link OptionSpecs}). */
    private CommandSpec spec() {
        spec = OptionSpecs.command("wasmrun", this);
        spec.usageMessage()
                .description("A WebAssembly runtime for the JVM.")
                .synopsisSubcommandLabel("[COMMAND]")
                .commandListHeading("%nCommands (default: run):%n")
                .footer("", "Run `wasmrun COMMAND --help` for a command's options.", FOOTER_EXIT_CODES);
        return spec;
    }

    /**
     * {@code command} as picocli's subcommand: a spec declared in code as it is, an annotated
     * command with the option groups it holds added.
     */
    private static Object subcommand(Object command) {
        if (command instanceof CommandSpec declared) {
            return declared;
        }
        var line = new CommandLine(command, new CommandFactory());
        if (command instanceof OptionGroup.Holder holder) {
            for (OptionGroup group : holder.optionGroups()) {
                group.addTo(line.getCommandSpec());
            }
        }
        return line;
    }

    /** Runs {@code args} and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = commandLine(args);
        return cli.execute(withDefaultSubcommand(cli, args));
    }

    /**
     * Puts {@code run} in front unless the first token is a subcommand or a top-level flag, and
     * orders {@code run}'s tokens by {@link RunArguments}.
     */
    static String[] withDefaultSubcommand(CommandLine cli, String[] args) {
        if (args.length == 0) {
            return args;
        }
        String first = args[0];
        if (isTopLevelFlag(first) || (SUBCOMMANDS.containsKey(first) && !first.equals("run"))) {
            return args;
        }
        int start = first.equals("run") ? 1 : 0;
        String[] runArgs = Arrays.copyOfRange(args, start, args.length);
        String[] normalized =
                RunArguments.normalize(cli.getSubcommands().get("run").getCommandSpec(), runArgs);
        String[] withRun = new String[normalized.length + 1];
        withRun[0] = "run";
        System.arraycopy(normalized, 0, withRun, 1, normalized.length);
        return withRun;
    }

    private static boolean isTopLevelFlag(String token) {
        return Set.of("-h", "--help", "-V", "--version").contains(token);
    }

    public static void main(String[] args) {
        ProcessStdio.capture();
        if (subcommandsNeeded(args).size() == 1) {
            // a command that will run: help, version and completion load no module
            StartupWarmup.startInBackground();
        }
        int code = execute(args);
        System.out.flush();
        System.exit(code);
    }
}
