package io.wasmrun.runtime.compile;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one class of Chicory's generated code before it is stored and loaded, method by method:
 * calls of Chicory helpers that check guest operands in 32-bit arithmetic go to wasmrun's versions
 * instead ({@link EngineCallRedirect}, in every method), comparisons that feed a branch become
 * the JVM's compare-and-jump ({@link CompareFuser}), then
 * every loop header is made to start with an empty operand stack so HotSpot can compile the loop
 * on-stack ({@link LoopHeaderSpiller}), and the loads, stores and interrupt checks in the memory
 * loops of large functions become call sites that C2 inlines ({@link HelperCallRewrite}). Stack
 * map frames are recomputed. A class no pass changes comes back as it was; a method that the spill
 * code would push over the JVM's 64 KiB method limit is kept as Chicory wrote it, and one over
 * HotSpot's 8000-byte limit for compiling with call sites keeps Chicory's static calls.
 */
public final class ClassRewriter {
    private final ClassLoader resolver;
    private final HelperCallRewrite.Limits callSiteLimits;

    /**
     * @param resolver sees the classes generated code refers to (Chicory's runtime), for merging
     *     reference types when frames are recomputed
     */
    public ClassRewriter(ClassLoader resolver) {
        this(resolver, HelperCallRewrite.Limits.DEFAULT);
    }

    ClassRewriter(ClassLoader resolver, HelperCallRewrite.Limits callSiteLimits) {
        this.resolver = resolver;
        this.callSiteLimits = callSiteLimits;
    }

    /** A rewriter that resolves types with the loader of Chicory's runtime classes. */
    public static ClassRewriter forChicory() {
        return new ClassRewriter(com.dylibso.chicory.runtime.Machine.class.getClassLoader());
    }

    /** The rewritten class file, or {@code classFile} itself when no pass changes anything. */
    public byte[] rewrite(byte[] classFile) {
        Set<String> keep = new HashSet<>();
        Set<String> keepStaticCalls = new HashSet<>();
        while (true) {
            var node = new ClassNode();
            new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
            boolean changed = false;
            Set<String> callSites = new HashSet<>();
            for (MethodNode method : node.methods) {
                String id = method.name + method.desc;
                changed |= EngineCallRedirect.rewrite(method);
                if (!keep.contains(id)) {
                    changed |= CompareFuser.rewrite(method);
                    changed |= LoopHeaderSpiller.rewrite(node.name, method);
                }
                if (!keepStaticCalls.contains(id) && HelperCallRewrite.rewrite(method, callSiteLimits)) {
                    callSites.add(id);
                    changed = true;
                }
            }
            if (!changed) {
                return classFile;
            }
            var writer = new FrameComputingWriter(resolver);
            node.accept(writer);
            byte[] rewritten;
            try {
                rewritten = writer.toByteArray();
            } catch (MethodTooLargeException e) {
                String id = e.getMethodName() + e.getDescriptor();
                if (!(callSites.contains(id) ? keepStaticCalls.add(id) : keep.add(id))) {
                    throw e;
                }
                continue;
            }
            if (callSites.isEmpty()) {
                return rewritten;
            }
            Set<String> huge = methodsOver(rewritten, HUGE_METHOD_LIMIT);
            huge.retainAll(callSites);
            if (huge.isEmpty()) {
                return rewritten;
            }
            keepStaticCalls.addAll(huge);
        }
    }

    /** HotSpot compiles no method with more bytecode than this (its {@code HugeMethodLimit}). */
    static final int HUGE_METHOD_LIMIT = 8000;

    /** The methods (name and descriptor) of {@code classFile} with more than {@code limit} bytes of code. */
    static Set<String> methodsOver(byte[] classFile, int limit) {
        Set<String> over = new HashSet<>();
        for (MethodModel method : ClassFile.of().parse(classFile).methods()) {
            method.findAttribute(Attributes.code())
                    .filter(code -> code.codeLength() > limit)
                    .ifPresent(code -> over.add(method.methodName().stringValue() + method.methodType().stringValue()));
        }
        return over;
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
