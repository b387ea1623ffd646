package io.wasmrun.cli;

import io.wasmrun.Engine;
import io.wasmrun.FirstCompile;
import io.wasmrun.wast.Failure;
import io.wasmrun.wast.ScriptConverter;
import io.wasmrun.wast.ScriptResult;
import io.wasmrun.wast.ScriptRunner;
import io.wasmrun.wast.Wast2Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wasmrun wast}: runs WebAssembly spec test scripts and reports every failed assertion. */
@Command(
        name = "wast",
        mixinStandardHelpOptions = true,
        header = "Run spec test scripts (.wast).",
        versionProvider = VersionProvider.class,
        description = {
            "Runs spec test scripts (.wast): reads each with wasmrun's text parser (or wabt's"
                    + " wast2json, cached), then runs its modules and assertions with the chosen engine"
                    + " and allocator.",
            "Prints one line per failed assertion and `N passed, M failed, K skipped`; exits 1 if"
                    + " anything failed."
        })
final class WastCommand extends ExecutingCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--converter",
            paramLabel = "NAME",
            description = "What reads the scripts: native (wasmrun's text parser) or wast2json (default: ${DEFAULT-VALUE}).",
            defaultValue = "native")
    String converter;

    @Option(
            names = "--wast2json",
            paramLabel = "CMD",
            description = "The wast2json command, for --converter wast2json (default: ${DEFAULT-VALUE}).",
            defaultValue = "wast2json")
    String wast2json;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Where wast2json's conversions are kept (default: ~/.cache/wasmrun/wast2json).")
    Path cacheDir;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scripts to run.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScriptConverter scripts;
        try {
            scripts = ScriptConverter.named(converter, wast2json, cacheDir != null ? cacheDir : Wast2Json.defaultCacheRoot());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        scripts.describe(); // fails here, once, when wast2json is missing
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        // each script runs on the engine it names, also for a large module
        try (Engine wasm = allocator.configure(Engine.builder().strategy(engine.strategy()))
                        .firstCompile(FirstCompile.BLOCKING)
                        .build();
                var runner = new ScriptRunner(wasm, scripts)) {
            for (Path file : files) {
                ScriptResult result = runner.run(file);
                for (Failure failure : result.failures()) {
                    out.println(result.describe(failure));
                }
                if (common.verbose() || files.size() > 1) {
                    out.printf("%s: %d passed, %d failed, %d skipped%n", file, result.passed(), result.failed(), result.skipped());
                }
                out.flush();
                passed += result.passed();
                failed += result.failed();
                skipped += result.skipped();
            }
        }
        out.printf("%d passed, %d failed, %d skipped%n", passed, failed, skipped);
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
