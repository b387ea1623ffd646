package io.wasmrun.runtime;

import io.wasmrun.wasi.Preopen;
import io.wasmrun.wasi.WasiOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a WASI preview1 guest sees of the host: its argv, environment, preopened directories and
 * standard streams.
 *
 * @param args argv, {@code args.get(0)} being the program name
 * @param env environment variables in definition order
 * @param preopens guest path to host directory, e.g. {@code "/data" -> /home/me/data}
 * @param readOnly the guest paths of {@code preopens} that refuse every change
 * @param stdin standard input
 * @param stdout standard output
 * @param stderr standard error
 */
public record WasiConfig(
        List<String> args,
        Map<String, String> env,
        Map<String, Path> preopens,
        Set<String> readOnly,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr) {

    public WasiConfig {
        args = List.copyOf(args);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        preopens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(preopens));
        readOnly = Set.copyOf(readOnly);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** A configuration whose preopens are all writable. */
    public WasiConfig(
            List<String> args,
            Map<String, String> env,
            Map<String, Path> preopens,
            InputStream stdin,
            OutputStream stdout,
            OutputStream stderr) {
        this(args, env, preopens, Set.of(), stdin, stdout, stderr);
    }

    /** The process's own streams, no environment and no directories. */
    public static WasiConfig inheritStdio(List<String> args) {
        return new WasiConfig(args, Map.of(), Map.of(), System.in, System.out, System.err);
    }

    /** The WASI host's options for this configuration (standard streams as Java streams). */
    public WasiOptions toOptions() {
        var options =
                WasiOptions.builder()
                        .withArguments(args)
                        .withStdin(stdin)
                        .withStdout(stdout)
                        .withStderr(stderr);
        env.forEach(options::withEnvironment);
        preopens.forEach((guest, host) -> options.withPreopen(new Preopen(guest, host, readOnly.contains(guest))));
        return options.build();
    }
}
