package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;

/** {@link StoredJar} reads what {@link ClassJar#toBytes()} writes in place, and refuses other jars. */
class StoredJarTest {
    private static final Map<String, byte[]> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("com.example.Main", new byte[] {1, 2, 3});
        CLASSES.put("com/example/MainFuncGroup_0", new byte[] {4, 5, 6, 7});
        CLASSES.put("com.example.Empty", new byte[0]);
    }

    @Test
    void everyClassIsASliceOfTheJarWithItsBytes() throws IOException {
        byte[] jar = new ClassJar("com.example.Main", CLASSES, Set.of(3, 9)).toBytes();
        StoredJar stored = StoredJar.read(jar);
        assertEquals("com.example.Main", stored.mainClass());
        assertEquals(Set.of(3, 9), stored.interpretedFunctions());
        assertEquals(Set.of("com.example.Main", "com.example.MainFuncGroup_0", "com.example.Empty"), stored.classes().keySet());
        for (var entry : CLASSES.entrySet()) {
            var slice = stored.classes().get(entry.getKey().replace('/', '.'));
            assertArrayEquals(entry.getValue(), Arrays.copyOfRange(slice.array(), slice.offset(), slice.offset() + slice.length()));
        }
        assertEquals(ClassJar.parse(jar).classes().keySet(), stored.classes().keySet(), "the same jar read as a stream");
    }

    @Test
    void aDeflatedJarIsRefused() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("wasm-module.properties"));
            jar.write("mainClass=A\n".getBytes());
            jar.putNextEntry(new JarEntry("A.class"));
            jar.write(new byte[] {1, 2});
        }
        assertThrows(IOException.class, () -> StoredJar.read(out.toByteArray()));
        assertEquals("A", ClassJar.parse(out.toByteArray()).mainClass(), "it still reads as a stream");
    }

    @Test
    void aJarCutBeforeItsCentralDirectoryOrWithoutItsMainClassIsRefused() {
        byte[] jar = new ClassJar("com.example.Main", CLASSES, Set.of()).toBytes();
        int central = new String(jar, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("PK\u0001\u0002");
        for (int length : new int[] {0, 10, 40, central / 2, central - 1, central + 2}) {
            assertThrows(IOException.class, () -> StoredJar.read(Arrays.copyOf(jar, length)), "length " + length);
        }
        byte[] noMain = new ClassJar("com.example.Main", CLASSES, Set.of()).toBytes();
        byte[] renamed = new String(noMain, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("mainClass=com.example.Main", "mainClass=com.example.Gone")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThrows(IOException.class, () -> StoredJar.read(renamed));
    }
}
