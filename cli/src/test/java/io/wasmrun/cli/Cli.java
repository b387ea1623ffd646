package io.wasmrun.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the wasmrun command line in-process with captured standard streams. */
final class Cli {
    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        String[] outLines() {
            return out.lines().toArray(String[]::new);
        }
    }

    private Cli() {}

    static Result run(String... args) {
        return runWithInput("", args);
    }

    static synchronized Result runWithInput(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(outStream);
            System.setErr(errStream);
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            var cli = Main.commandLine(args);
            cli.setOut(new PrintWriter(outStream, true));
            cli.setErr(new PrintWriter(errStream, true));
            int code = cli.execute(Main.withDefaultSubcommand(cli, args));
            outStream.flush();
            errStream.flush();
            return new Result(
                    code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    /** The project root, found from the test's working directory (the module folder). */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static String example(String name) {
        return projectRoot().resolve("examples").resolve(name).toString();
    }

    static String testModule(String name) {
        return projectRoot().resolve("cli/src/test/resources/modules").resolve(name).toString();
    }
}
