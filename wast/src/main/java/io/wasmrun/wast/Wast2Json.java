package io.wasmrun.wast;

import io.wasmrun.text.wast.WastScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Converts {@code .wast} scripts to JSON and module files with wabt's {@code wast2json}, caching
 * each conversion (and each rejection) under a key made of the script's content, the wast2json
 * version and the feature flags, so that a script is converted once however often it runs.
 * Several processes may share a cache: entries are written to a private folder and renamed into
 * place.
 *
 * <p>Scripts under a {@code proposals} folder or a {@code wasm-3.0} suite are converted with
 * {@code --enable-all}, others with wast2json's default features. When wast2json rejects a script
 * only because it predates implicit table indices ({@code table.get} without an index), the
 * script is converted again with the index written out; see {@link ImplicitTableIndex}.
 */
public final class Wast2Json implements ScriptConverter {
    private static final String CACHE_FORMAT = "2";
    private static final String ERROR_NAME = "error.txt";
    private static final long TIMEOUT_SECONDS = 120;

    private final String executable;
    private final Path cacheRoot;
    private volatile String version;

    /**
     * @param executable the wast2json command, a name on {@code PATH} or a path
     * @param cacheRoot the folder that holds converted scripts; created when needed
     */
    public Wast2Json(String executable, Path cacheRoot) {
        this.executable = executable;
        this.cacheRoot = cacheRoot;
    }

    /** {@code wast2json} on {@code PATH}, cached in {@link #defaultCacheRoot()}. */
    public static Wast2Json onPath() {
        return new Wast2Json("wast2json", defaultCacheRoot());
    }

    /**
     * {@code $WASMRUN_CACHE_DIR/wast2json}, else {@code $XDG_CACHE_HOME/wasmrun/wast2json}, else
     * {@code ~/.cache/wasmrun/wast2json}.
     */
    public static Path defaultCacheRoot() {
        String wasmrun = System.getenv("WASMRUN_CACHE_DIR");
        if (wasmrun != null && !wasmrun.isBlank()) {
            return Path.of(wasmrun, "wast2json");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("wasmrun").resolve("wast2json");
    }

    /** Whether the executable runs at all. */
    public boolean isAvailable() {
        try {
            version();
            return true;
        } catch (ScriptException e) {
            return false;
        }
    }

    /**
     * The output of {@code wast2json --version}.
     *
     * @throws ScriptException when wast2json cannot be run
     */
    public String version() {
        String known = version;
        if (known == null) {
            Run run = run(List.of(executable, "--version"));
            if (run.exitCode() != 0) {
                throw new ScriptException(executable + " --version failed: " + firstLine(run.output()));
            }
            known = run.output().strip();
            version = known;
        }
        return known;
    }

    /** {@code wast2json VERSION}. */
    @Override
    public String describe() {
        return "wast2json " + version();
    }

    /**
     * Converts {@code wast} (or takes the cached conversion) and reads the result.
     *
     * @throws ScriptException when the file is missing or wast2json rejects it
     */
    @Override
    public WastScript convert(Path wast) {
        byte[] content;
        try {
            content = Files.readAllBytes(wast);
        } catch (NoSuchFileException e) {
            throw new ScriptException(wast + ": no such file", e);
        } catch (IOException e) {
            throw new ScriptException(wast + ": cannot read: " + e.getMessage(), e);
        }
        List<String> flags = featureFlags(wast);
        Path entry = cacheRoot.resolve(key(content, flags));
        Path json = entry.resolve(jsonName(wast));
        Path error = entry.resolve(ERROR_NAME);
        if (Files.isDirectory(entry) && !Files.exists(json) && !Files.exists(error)) {
            deleteTree(entry);
        }
        if (!Files.isDirectory(entry)) {
            populate(entry, wast, content, flags);
        }
        if (Files.exists(error)) {
            throw new ScriptException(wast + ": wast2json cannot convert it: " + read(error));
        }
        return ScriptReader.read(wast, json);
    }

    /** The wast2json feature flags for a script, chosen by where it lives. */
    static List<String> featureFlags(Path wast) {
        for (Path part : wast.toAbsolutePath().normalize()) {
            String name = part.toString();
            if (name.equals("proposals") || name.equals("wasm-3.0")) {
                return List.of("--enable-all");
            }
        }
        return List.of();
    }

    private void populate(Path entry, Path wast, byte[] content, List<String> flags) {
        Path staging;
        try {
            Files.createDirectories(cacheRoot);
            staging = Files.createTempDirectory(cacheRoot, entry.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new ScriptException("cannot create the wast2json cache in " + cacheRoot + ": " + e.getMessage(), e);
        }
        try {
            String error = convertInto(staging, wast, content, flags);
            if (error != null) {
                clear(staging);
                Files.writeString(staging.resolve(ERROR_NAME), error);
            }
            try {
                Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                deleteTree(staging);
            }
        } catch (IOException e) {
            deleteTree(staging);
            throw new ScriptException(wast + ": cannot store the wast2json output: " + e.getMessage(), e);
        }
    }

    /** Runs wast2json into {@code dir}; returns its one-line error, or null on success. */
    private String convertInto(Path dir, Path wast, byte[] content, List<String> flags) throws IOException {
        Run run = wast2json(dir, wast, flags);
        if (run.exitCode() == 0) {
            return null;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        String rewritten = ImplicitTableIndex.writeOut(text);
        if (!rewritten.equals(text)) {
            clear(dir);
            Path copy = dir.resolve("source").resolve(wast.getFileName());
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, rewritten);
            Run retry = wast2json(dir, copy, flags);
            deleteTree(copy.getParent());
            if (retry.exitCode() == 0) {
                return null;
            }
        }
        return describe(run.output(), wast);
    }

    private Run wast2json(Path dir, Path wast, List<String> flags) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(flags);
        command.add(wast.toAbsolutePath().toString());
        command.add("-o");
        command.add(dir.resolve(jsonName(wast)).toString());
        return run(command);
    }

    private Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ScriptException(String.join(" ", command) + ": timed out");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScriptException("cannot run " + executable + " (is wabt installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScriptException(String.join(" ", command) + ": interrupted", e);
        }
    }

    /** The first error line, with the script's absolute path shortened to line:column. */
    private static String describe(String output, Path wast) {
        String line = firstLine(output);
        for (String candidate : output.split("\\R")) {
            if (candidate.contains("error:") || candidate.contains("Assertion")) {
                line = candidate;
                break;
            }
        }
        String prefix = wast.toAbsolutePath() + ":";
        if (line.startsWith(prefix)) {
            line = "line " + line.substring(prefix.length());
        }
        return line.isBlank() ? "wast2json failed without a message" : line.strip();
    }

    /** {@code i32.json} for {@code i32.wast}, so that modules are called {@code i32.0.wasm}. */
    private static String jsonName(Path wast) {
        String name = wast.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".json";
    }

    private static String firstLine(String text) {
        String[] lines = text.strip().split("\\R", 2);
        return lines.length == 0 ? "" : lines[0];
    }

    private String key(byte[] content, List<String> flags) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String header = CACHE_FORMAT + "\n" + version() + "\n" + String.join(" ", flags) + "\n";
            digest.update(header.getBytes(StandardCharsets.UTF_8));
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                deleteTree(child);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private record Run(int exitCode, String output) {}
}
