package io.wasmrun.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Locates the spec test suite and lists its scripts; tests skip when it is absent. */
final class SpecSuite {
    private SpecSuite() {}

    /** The suite root from {@code -Dwasm.testsuite}, else {@code ../shared/wasm-testsuite} above the working directory. */
    static Path root() {
        String prop = System.getProperty("wasm.testsuite");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/wasm-testsuite").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "spec test suite not found; set -Dwasm.testsuite");
        return null;
    }

    /** The {@code .wast} files directly in {@code dir} (or below it when {@code recursive}), sorted. */
    static List<Path> scripts(Path dir, boolean recursive) {
        assumeTrue(Files.isDirectory(dir), "missing " + dir);
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".wast")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module carried by a command, or null. */
    static WastModule moduleOf(WastCommand c) {
        return switch (c) {
            case WastCommand.ModuleCommand m -> m.module();
            case WastCommand.AssertTrap t -> t.module();
            case WastCommand.AssertModule m -> m.module();
            default -> null;
        };
    }

    /** Modules of a script in order (the order wast2json numbers its output files in). */
    static List<WastModule> modules(List<WastCommand> commands) {
        List<WastModule> out = new ArrayList<>();
        for (WastCommand c : commands) {
            WastModule m = moduleOf(c);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** Lines of a test resource without comments and blank lines. */
    static List<String> resourceLines(String name) {
        try (var in = SpecSuite.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
