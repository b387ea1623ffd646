package io.wasmrun.cli;

import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code wasmrun}: the command line. {@code run} is the default subcommand, so {@code wasmrun
 * hello.wasm} means {@code wasmrun run hello.wasm}, as in wasmtime.
 */
@Command(
        name = "wasmrun",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A WebAssembly runtime for the JVM.",
        synopsisSubcommandLabel = "[COMMAND]",
        commandListHeading = "%nCommands (default: run):%n",
        footer = {
            "",
            "Run `wasmrun COMMAND --help` for a command's options.",
            "Exit codes: 0 ok, 1 error, 2 usage, 134 wasm trap, otherwise the guest's proc_exit code."
        },
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            InspectCommand.class,
            CompileCommand.class,
            Wat2WasmCommand.class,
            BenchCommand.class,
            WastCommand.class,
            ReplCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("error: missing MODULE or COMMAND");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    /** Builds the configured command line; tests drive it with their own streams. */
    public static CommandLine commandLine() {
        var cli = new CommandLine(new Main());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        ErrorReporter reporter = new ErrorReporter();
        cli.setExecutionExceptionHandler(reporter);
        cli.setParameterExceptionHandler(reporter);
        return cli;
    }

    /** Runs {@code args} and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
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
        Set<String> topLevel = Set.of("-h", "--help", "-V", "--version");
        String first = args[0];
        if (topLevel.contains(first)
                || (cli.getSubcommands().containsKey(first) && !first.equals("run"))) {
            return args;
        }
        int start = first.equals("run") ? 1 : 0;
        String[] runArgs = java.util.Arrays.copyOfRange(args, start, args.length);
        String[] normalized =
                RunArguments.normalize(cli.getSubcommands().get("run").getCommandSpec(), runArgs);
        String[] withRun = new String[normalized.length + 1];
        withRun[0] = "run";
        System.arraycopy(normalized, 0, withRun, 1, normalized.length);
        return withRun;
    }

    public static void main(String[] args) {
        int code = execute(args);
        System.out.flush();
        System.exit(code);
    }
}
