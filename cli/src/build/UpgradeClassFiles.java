import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Build step of the CLI jar: rewrites every class file older than Java 6 (version 50) as a
 * Java 8 class with stack map frames, in place.
 *
 * <p>Why: the JDK's AOT cache (the launcher's {@code -XX:AOTCache}) cannot store classes that
 * need the old inference verifier, so picocli and ASM (both built for Java 5) were read from the
 * jar, verified and linked again on every start: about 80 ms of {@code wasmrun hello.wasm}. The
 * rewrite only changes the version number and adds the frames the type-checking verifier needs;
 * the bytecode is the same. Frames are computed with the JDK's class-file API, resolving the
 * jar's own classes from the jar.
 *
 * <p>Usage: {@code java UpgradeClassFiles.java JAR} (a source-file program: the build needs
 * nothing but the JDK that runs it).
 */
public final class UpgradeClassFiles {
    private static final int FIRST_WITH_FRAMES = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UpgradeClassFiles.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgraded");
        int count;
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ClassFile classFile =
                    ClassFile.of(
                            ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                            ClassFile.ClassHierarchyResolverOption.of(
                                    ClassHierarchyResolver.defaultResolver()
                                            .orElse(
                                                    ClassHierarchyResolver.ofResourceParsing(
                                                            loader))));
            count = rewrite(jar, upgraded, classFile);
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(
                "UpgradeClassFiles: %d class files of %s rewritten with stack map frames%n",
                count, jar.getFileName());
    }

    private static int rewrite(Path jar, Path target, ClassFile classFile) throws IOException {
        int count = 0;
        try (var in = new JarInputStream(Files.newInputStream(jar));
                var out =
                        in.getManifest() == null
                                ? new JarOutputStream(Files.newOutputStream(target))
                                : new JarOutputStream(
                                        Files.newOutputStream(target), in.getManifest())) {
            for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (needsUpgrade(entry.getName(), bytes)) {
                    bytes = upgrade(classFile, entry.getName(), bytes);
                    count++;
                }
                var copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        return count;
    }

    private static boolean needsUpgrade(String name, byte[] bytes) {
        if (!name.endsWith(".class") || name.endsWith("module-info.class") || bytes.length < 8) {
            return false;
        }
        int major = (bytes[6] & 0xff) << 8 | (bytes[7] & 0xff);
        return major < FIRST_WITH_FRAMES;
    }

    private static byte[] upgrade(ClassFile classFile, String name, byte[] bytes) {
        ClassModel model = classFile.parse(bytes);
        ClassTransform version =
                (builder, element) -> {
                    if (element instanceof ClassFileVersion) {
                        builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
                    } else {
                        builder.with(element);
                    }
                };
        try {
            return classFile.transformClass(
                    model,
                    version.andThen(
                            ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(
                    new IOException("cannot add frames to " + name + ": " + e.getMessage(), e));
        }
    }
}
