package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example as a user on the module path runs it: wasmrun's library jars and Chicory's as named
 * modules, the example on the class path. Checks that the modules export what the API needs (and
 * the compiler's generated classes reach wasmrun's engine package), that native access is needed
 * by the allocator module only, and that nothing extra is printed on stderr.
 */
class ModulePathTest {
    /** Class path entries that are modules: wasmrun's libraries, Chicory, ASM. */
    private static final Pattern MODULE = Pattern.compile(
            ".*(wasmrun-(allocator|text|wasi|runtime)-[^" + Pattern.quote(File.separator) + "]*\\.jar"
                    + "|(allocator|text|wasi|runtime)[/\\\\]target[/\\\\]classes"
                    + "|[/\\\\]com[/\\\\]dylibso[/\\\\]chicory[/\\\\].*\\.jar"
                    + "|[/\\\\]org[/\\\\]ow2[/\\\\]asm[/\\\\].*\\.jar)");

    @Test
    void runsWithTheLibrariesAsNamedModules() throws Exception {
        List<String> modules = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (MODULE.matcher(entry).matches()) {
                modules.add(entry);
            }
        }
        assertTrue(modules.size() >= 7, "wasmrun's, Chicory's and ASM's jars: " + modules);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = List.of(java.toString(),
                "--module-path", String.join(File.pathSeparator, modules),
                "--add-modules", "io.wasmrun.runtime",
                "--enable-native-access=io.wasmrun.allocator",
                "-cp", Path.of("target", "classes").toString(),
                "example.Embedding", Path.of("..", "hello.wasm").toString());
        Process process = new ProcessBuilder(command).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the example finished");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals("", err);
        assertEquals(0, process.exitValue());
        assertEquals(ExpectedOutput.LINES, out.lines().toList());
    }
}
