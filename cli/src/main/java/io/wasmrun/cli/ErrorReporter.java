package io.wasmrun.cli;

import io.wasmrun.Trap;
import io.wasmrun.WasmrunException;
import io.wasmrun.runtime.Causes;
import io.wasmrun.wasi.WasiExitException;
import java.io.PrintWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The one place where errors become output and exit codes: a one-line {@code error:} message (a
 * trap adds its wasm backtrace), a stack trace only with {@code --verbose}, exit code 134 for
 * traps, 2 for usage errors and 1 for everything else.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        Throwable error = exception;
        WasiExitException exit = Causes.find(error, WasiExitException.class);
        if (exit != null) {
            return exit.exitCode();
        }
        Trap trap = Causes.find(error, Trap.class);
        int code;
        if (trap != null) {
            err.println("error: " + trap.describe());
            code = ExitCodes.TRAP;
        } else if (error instanceof WasmrunException known) {
            err.println("error: " + known.getMessage());
            code = ExitCodes.ERROR;
        } else {
            err.println("error: internal error: " + error);
            code = ExitCodes.ERROR;
        }
        if (isVerbose(parseResult)) {
            error.printStackTrace(err);
        } else if (!(error instanceof WasmrunException)) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + ex.getMessage());
        String name = command.getCommandSpec().qualifiedName(" ");
        err.println("Try `" + name + " --help` for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    private static boolean isVerbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

}
