package io.wasmrun.runtime.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A classes jar written by {@link ClassJar#toBytes()}, read in place: its local file headers are
 * walked once and each class is kept as a slice of the jar's bytes, which {@link
 * GeneratedClassLoader} defines from directly. Nothing is copied or inflated, so a hit costs what
 * the classes a run uses cost, not the whole jar. Only stored entries with their sizes in the
 * local header can be walked so; any other jar fails with an {@link IOException} and is read
 * through {@link ClassJar#parse} instead.
 *
 * @param mainClass the machine class's binary name
 * @param classes each class's bytes by binary name
 * @param interpretedFunctions the functions the classes leave to Chicory's interpreter
 */
record StoredJar(String mainClass, Map<String, Slice> classes, Set<Integer> interpretedFunctions) {
    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int DATA_DESCRIPTOR_FLAG = 1 << 3;

    /** {@code length} bytes of {@code array} from {@code offset}. */
    record Slice(byte[] array, int offset, int length) {
        static Slice of(byte[] bytes) {
            return new Slice(bytes, 0, bytes.length);
        }
    }

    /**
     * Walks {@code jar}.
     *
     * @throws IOException when it is not a jar of stored entries with a main class
     */
    static StoredJar read(byte[] jar) throws IOException {
        var classes = new HashMap<String, Slice>();
        Properties properties = null;
        int at = 0;
        while (at + 30 <= jar.length && int32(jar, at) == LOCAL_HEADER) {
            int flags = int16(jar, at + 6);
            int method = int16(jar, at + 8);
            int size = int32(jar, at + 18);
            int nameLength = int16(jar, at + 26);
            int extraLength = int16(jar, at + 28);
            int data = at + 30 + nameLength + extraLength;
            if (method != 0 || (flags & DATA_DESCRIPTOR_FLAG) != 0 || size < 0 || data > jar.length - size) {
                throw new IOException("not a jar of stored entries");
            }
            String name = new String(jar, at + 30, nameLength, StandardCharsets.UTF_8);
            if (name.equals(ClassJar.PROPERTIES)) {
                properties = new Properties();
                properties.load(new ByteArrayInputStream(jar, data, size));
            } else if (name.endsWith(".class")) {
                classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), new Slice(jar, data, size));
            }
            at = data + size;
        }
        if (at + 4 > jar.length || int32(jar, at) != CENTRAL_HEADER) {
            throw new IOException("not a jar of stored entries");
        }
        String mainClass = properties == null ? null : properties.getProperty("mainClass");
        if (mainClass == null || !classes.containsKey(mainClass)) {
            throw new IOException("not a compiled-classes jar: no main class");
        }
        var interpreted = ClassJar.functionIndexes(properties.getProperty(ClassJar.INTERPRETED, ""));
        return new StoredJar(mainClass, classes, interpreted);
    }

    private static int int16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] bytes, int at) {
        return int16(bytes, at) | int16(bytes, at + 2) << 16;
    }
}
