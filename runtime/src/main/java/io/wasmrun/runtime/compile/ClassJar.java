package io.wasmrun.runtime.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.stream.Collectors;

/**
 * The classes Chicory generated for one module, in the jar layout that {@link
 * com.dylibso.chicory.compiler.MachineFactoryCompiler}'s cache reads back: a {@code
 * wasm-module.properties} entry naming the main class (and, when there are any, the functions
 * Chicory left to its interpreter with the operand-stack floor it needs), then one entry per class
 * file.
 *
 * @param mainClass the binary name of the machine class (dots, not slashes)
 * @param classes class file bytes by binary name, in definition order
 * @param interpretedFunctions indexes of the functions the classes run on Chicory's interpreter
 *     (functions too large for a JVM method): those need the module's decoded function bodies
 * @param interpreterStackFloor the module's {@link io.wasmrun.runtime.engine.StackFloor}, recorded
 *     when some function is interpreted: a cache hit decodes those bodies only when they are first
 *     called, and the floor must be in place before the first call
 */
public record ClassJar(
        String mainClass, Map<String, byte[]> classes, Set<Integer> interpretedFunctions, int interpreterStackFloor) {
    static final String PROPERTIES = "wasm-module.properties";
    static final String INTERPRETED = "interpretedFunctions";
    static final String STACK_FLOOR = "interpreterStackFloor";

    public ClassJar {
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        interpretedFunctions = Set.copyOf(interpretedFunctions);
        if (!classes.containsKey(mainClass)) {
            throw new IllegalArgumentException("main class " + mainClass + " is not among the classes");
        }
    }

    /** Classes that leave {@code interpretedFunctions} to the interpreter, in a module without a stack floor. */
    public ClassJar(String mainClass, Map<String, byte[]> classes, Set<Integer> interpretedFunctions) {
        this(mainClass, classes, interpretedFunctions, 0);
    }

    /** Classes that run every function compiled. */
    public ClassJar(String mainClass, Map<String, byte[]> classes) {
        this(mainClass, classes, Set.of());
    }

    /**
     * What a jar says about its interpreted functions.
     *
     * @param functions the functions the classes leave to Chicory's interpreter
     * @param stackFloor the interpreter's operand-stack floor for the module
     */
    public record Interpreted(Set<Integer> functions, int stackFloor) {}

    /** This jar with every class file passed through {@code rewrite}. */
    public ClassJar map(UnaryOperator<byte[]> rewrite) {
        var rewritten = new LinkedHashMap<String, byte[]>();
        classes.forEach((name, bytes) -> rewritten.put(name, rewrite.apply(bytes)));
        return new ClassJar(mainClass, rewritten, interpretedFunctions, interpreterStackFloor);
    }

    /**
     * The jar bytes. Entries are stored, not deflated, so that a cache hit can define each class
     * straight from the bytes it read ({@link StoredJar}) instead of inflating every class first:
     * for a 30 MB program, 40 MB of classes of which a short run uses a third.
     */
    public byte[] toBytes() {
        var out = new ByteArrayOutputStream();
        try (var jar = new JarOutputStream(out)) {
            var properties = new Properties();
            properties.setProperty("mainClass", mainClass);
            if (!interpretedFunctions.isEmpty()) {
                properties.setProperty(
                        INTERPRETED,
                        interpretedFunctions.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
                properties.setProperty(STACK_FLOOR, String.valueOf(interpreterStackFloor));
            }
            var text = new ByteArrayOutputStream();
            properties.store(text, null);
            putStored(jar, PROPERTIES, text.toByteArray());
            for (var entry : classes.entrySet()) {
                putStored(jar, entry.getKey().replace('.', '/') + ".class", entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void putStored(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        var entry = new JarEntry(name);
        var crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        jar.putNextEntry(entry);
        jar.write(bytes);
        jar.closeEntry();
    }

    /**
     * Reads a jar written by {@link #toBytes()} or by Chicory.
     *
     * @throws IOException when the bytes are not such a jar
     */
    public static ClassJar parse(byte[] jarBytes) throws IOException {
        String mainClass = null;
        Interpreted interpreted = new Interpreted(Set.of(), 0);
        var classes = new LinkedHashMap<String, byte[]>();
        try (var jar = new JarInputStream(new ByteArrayInputStream(jarBytes))) {
            JarEntry entry;
            while ((entry = jar.getNextJarEntry()) != null) {
                String name = entry.getName();
                if (name.equals(PROPERTIES)) {
                    var properties = new Properties();
                    properties.load(jar);
                    mainClass = properties.getProperty("mainClass");
                    interpreted = interpreted(properties);
                } else if (name.endsWith(".class")) {
                    String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    classes.put(className, jar.readAllBytes());
                }
            }
        }
        if (mainClass == null || !classes.containsKey(mainClass)) {
            throw new IOException("not a compiled-classes jar: no main class");
        }
        return new ClassJar(mainClass, classes, interpreted.functions(), interpreted.stackFloor());
    }

    /**
     * The {@link #interpretedFunctions} and {@link #interpreterStackFloor} recorded in a jar
     * written by {@link #toBytes()}, reading no further than its properties entry, which comes
     * first.
     *
     * @throws IOException when the bytes are not such a jar
     */
    public static Interpreted interpretedOf(byte[] jarBytes) throws IOException {
        try (var jar = new JarInputStream(new ByteArrayInputStream(jarBytes))) {
            JarEntry entry;
            while ((entry = jar.getNextJarEntry()) != null) {
                if (entry.getName().equals(PROPERTIES)) {
                    var properties = new Properties();
                    properties.load(jar);
                    return interpreted(properties);
                }
            }
        }
        throw new IOException("not a compiled-classes jar: no " + PROPERTIES);
    }

    static Interpreted interpreted(Properties properties) throws IOException {
        Set<Integer> functions = functionIndexes(properties.getProperty(INTERPRETED, ""));
        String floor = properties.getProperty(STACK_FLOOR, "0");
        try {
            return new Interpreted(functions, Integer.parseInt(floor.trim()));
        } catch (NumberFormatException e) {
            throw new IOException("not a compiled-classes jar: bad stack floor " + floor, e);
        }
    }

    static Set<Integer> functionIndexes(String list) throws IOException {
        var result = new HashSet<Integer>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                try {
                    result.add(Integer.parseInt(item.trim()));
                } catch (NumberFormatException e) {
                    throw new IOException("not a compiled-classes jar: bad function index " + item, e);
                }
            }
        }
        return result;
    }
}
