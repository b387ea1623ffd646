package io.wasmrun.cli;

import io.wasmrun.WasmrunException;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.cli.repl.AllocatorFactory;
import io.wasmrun.cli.repl.HistoryFile;
import io.wasmrun.cli.repl.Repl;
import io.wasmrun.cli.repl.ReplConfig;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.Signals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code wasmrun repl}: an interactive session for loading modules and calling their functions. */
@Command(
        name = "repl",
        mixinStandardHelpOptions = true,
        header = "Start an interactive session.",
        versionProvider = VersionProvider.class,
        description = {
            "Starts an interactive session: load modules, call their exported functions",
            "with typed arguments, inspect exports, globals and memory. Type :help inside",
            "for the commands.",
            "",
            "With input from a file or pipe, reads one command per line without prompts",
            "and exits 1 if any line failed. History is kept in ~/.wasmrun_history",
            "(override with WASMRUN_HISTORY or -Dwasmrun.history; empty turns it off)."
        },
        footer = {"", "Example:", "  wasmrun repl fib.wasm", "  echo 'fib 20' | wasmrun repl fib.wasm"})
final class ReplCommand extends ExecutingCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODULE", description = "Modules to load at the start, in order.")
    List<Path> modules = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Console console = System.console();
        boolean interactive = console != null && console.isTerminal();
        var config = new ReplConfig(
                engine.strategy(),
                new OptionsAllocatorFactory(),
                Path.of(""),
                HistoryFile.locate(),
                interactive,
                common.verbose());
        try (Terminal terminal = interactive ? systemTerminal() : pipeTerminal();
                Repl repl = interactive
                        ? new Repl(terminal, config, allocator.create())
                        : new Repl(terminal, System.err, config, allocator.create())) {
            Object previousSigint = interactive ? forwardSigint(terminal) : null;
            try {
                modules.forEach(repl::load);
                return repl.run();
            } finally {
                if (previousSigint != null) {
                    Signals.unregister("INT", previousSigint);
                }
            }
        }
    }

    /**
     * A dumb terminal leaves the tty in cooked mode, where Ctrl-C is a SIGINT that would end the
     * JVM; route it to the terminal so that it stops the running call instead.
     */
    private static Object forwardSigint(Terminal terminal) {
        if (!terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            return null;
        }
        return Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT));
    }

    private static Terminal systemTerminal() throws IOException {
        return TerminalBuilder.builder().name("wasmrun").system(true).build();
    }

    private static Terminal pipeTerminal() throws IOException {
        return new DumbTerminal("wasmrun", Terminal.TYPE_DUMB, System.in, System.out, StandardCharsets.UTF_8);
    }

    /** {@code :set allocator}: parses the settings with the same options as {@code wasmrun run}. */
    static final class OptionsAllocatorFactory implements AllocatorFactory {
        @Override
        public InstanceAllocator create(List<String> settings) {
            List<String> args = new ArrayList<>(settings);
            if (!args.isEmpty() && !args.get(0).startsWith("-")) {
                args.add(0, "--allocator");
            }
            var options = new AllocatorOptions();
            try {
                new CommandLine(settings(options), new CommandFactory()).parseArgs(args.toArray(String[]::new));
            } catch (ParameterException e) {
                throw new WasmrunException("allocator settings: " + e.getMessage(), e);
            }
            return options.create();
        }

        @Override
        public List<String> completions() {
            List<String> names = new ArrayList<>();
            for (AllocatorOptions.Kind kind : AllocatorOptions.Kind.values()) {
                names.add(kind.cliName);
            }
            for (OptionSpec option : settings(new AllocatorOptions()).options()) {
                names.add(option.longestName());
            }
            return names;
        }
    }

    /** The options of {@code :set allocator}, a command of their own bound to {@code options}. */
    private static CommandSpec settings(AllocatorOptions options) {
        CommandSpec spec = CommandSpec.create().name("allocator");
        options.addTo(spec);
        return spec;
    }
}
