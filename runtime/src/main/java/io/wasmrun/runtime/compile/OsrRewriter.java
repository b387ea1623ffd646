package io.wasmrun.runtime.compile;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one generated class so every loop header starts with an empty operand stack (see
 * {@link LoopHeaderSpiller}), then recomputes its stack map frames. A class without such headers
 * comes back unchanged. A method that the spill code would push over the JVM's 64 KiB method limit
 * is kept as Chicory wrote it.
 */
public final class OsrRewriter {
    private final ClassLoader resolver;

    /**
     * @param resolver sees the classes generated code refers to (Chicory's runtime), for merging
     *     reference types when frames are recomputed
     */
    public OsrRewriter(ClassLoader resolver) {
        this.resolver = resolver;
    }

    /** A rewriter that resolves types with the loader of Chicory's runtime classes. */
    public static OsrRewriter forChicory() {
        return new OsrRewriter(com.dylibso.chicory.runtime.Machine.class.getClassLoader());
    }

    /** The rewritten class file, or {@code classFile} itself when no loop header needs a spill. */
    public byte[] rewrite(byte[] classFile) {
        Set<String> keep = new HashSet<>();
        while (true) {
            var node = new ClassNode();
            new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
            boolean changed = false;
            for (MethodNode method : node.methods) {
                if (!keep.contains(method.name + method.desc)) {
                    changed |= LoopHeaderSpiller.rewrite(node.name, method);
                }
            }
            if (!changed) {
                return classFile;
            }
            var writer = new FrameComputingWriter(resolver);
            node.accept(writer);
            try {
                return writer.toByteArray();
            } catch (MethodTooLargeException e) {
                if (!keep.add(e.getMethodName() + e.getDescriptor())) {
                    throw e;
                }
            }
        }
    }

    /** A {@link ClassWriter} computing frames, resolving types it must merge through a given loader. */
    private static final class FrameComputingWriter extends ClassWriter {
        private final ClassLoader resolver;

        FrameComputingWriter(ClassLoader resolver) {
            super(COMPUTE_FRAMES);
            this.resolver = resolver;
        }

        @Override
        protected ClassLoader getClassLoader() {
            return resolver;
        }

        @Override
        protected String getCommonSuperClass(String type1, String type2) {
            try {
                return super.getCommonSuperClass(type1, type2);
            } catch (TypeNotPresentException e) {
                return "java/lang/Object";
            }
        }
    }
}
