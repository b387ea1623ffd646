package io.wasmrun.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the example and test modules of the project from a test's working directory. */
final class TestModules {
    private TestModules() {}

    static Path example(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no examples/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples").resolve(name);
    }
}
