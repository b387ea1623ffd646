package io.wasmrun.spectest.wasi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the tests of a wasi-testsuite checkout: every folder under the suite that holds
 * {@code *.wasm} files is a test folder, as the reference runner takes one folder per call.
 * Folders for another WASI version than {@code wasm32-wasip1} (by their {@code manifest.json}'s
 * {@code version}, else by their name) are left out. A test is named after its folder, shortened
 * from {@code tests/LANG/testsuite/wasm32-wasip1} to {@code LANG}, and its module's base name:
 * {@code c/pwrite-with-append}.
 */
final class TestFinder {
    static final String WASI_VERSION = "wasm32-wasip1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * What a suite folder holds.
     *
     * @param tests the tests, sorted by name
     * @param ignored the folders left out, each with the reason
     */
    record Found(List<WasiTest> tests, List<String> ignored) {}

    private TestFinder() {}

    /** The tests under {@code suite} whose names {@code selected} accepts. */
    static Found find(Path suite, Predicate<WasiTest> selected) throws IOException {
        Path root = suite.toAbsolutePath().normalize();
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = walk.filter(Files::isDirectory).filter(TestFinder::hasModules).sorted().toList();
        }
        List<WasiTest> tests = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Path folder : folders) {
            String version = wasiVersion(folder);
            if (!version.equals(WASI_VERSION)) {
                ignored.add(root.relativize(folder) + ": " + version + " tests (this runner runs " + WASI_VERSION + ")");
                continue;
            }
            String label = label(root, folder);
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(TestFinder::isModule)
                        .sorted()
                        .map(module -> WasiTest.load(label + "/" + baseName(module), module))
                        .filter(selected)
                        .forEach(tests::add);
            }
        }
        tests.sort(Comparator.comparing(WasiTest::name));
        return new Found(List.copyOf(tests), List.copyOf(ignored));
    }

    /**
     * The name of a test folder: its path below the suite without a leading {@code tests/} and
     * a trailing {@code testsuite/wasm32-wasipN}, or the last folder name left when that is empty.
     */
    static String label(Path suite, Path folder) {
        Path shortened = folder;
        if (shortened.getFileName() != null && shortened.getFileName().toString().startsWith("wasm32-wasip")) {
            shortened = shortened.getParent();
        }
        if (shortened != null && shortened.getFileName() != null && shortened.getFileName().toString().equals("testsuite")) {
            shortened = shortened.getParent();
        }
        if (shortened == null || shortened.getFileName() == null) {
            return folder.getFileName() == null ? "tests" : folder.getFileName().toString();
        }
        if (shortened.startsWith(suite) && !shortened.equals(suite)) {
            String relative = suite.relativize(shortened).toString().replace('\\', '/');
            return relative.startsWith("tests/") ? relative.substring("tests/".length()) : relative;
        }
        return shortened.getFileName().toString();
    }

    /** The folder's WASI version: {@code version} of its manifest, else its name if that is one, else p1. */
    private static String wasiVersion(Path folder) throws IOException {
        Path manifest = folder.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            JsonNode version = MAPPER.readTree(manifest.toFile()).get("version");
            if (version != null && version.isTextual()) {
                return version.asText();
            }
        }
        String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
        return name.matches("wasm32-wasip[0-9]+") ? name : WASI_VERSION;
    }

    private static boolean hasModules(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.anyMatch(TestFinder::isModule);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isModule(Path file) {
        return file.getFileName().toString().endsWith(".wasm") && Files.isRegularFile(file);
    }

    private static String baseName(Path module) {
        String name = module.getFileName().toString();
        return name.substring(0, name.length() - ".wasm".length());
    }
}
