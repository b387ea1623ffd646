package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.V17;

import com.dylibso.chicory.runtime.OpcodeImpl;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Every comparison helper of Chicory's {@code OpcodeImpl}, called and branched on the way Chicory's
 * code generator does it (with {@code ifne} and with {@code ifeq}, and once more behind
 * {@code I32_EQZ}), must take the same branches after {@link ClassRewriter} has fused it, for
 * edge values of each type: signs, extremes, zeros of both signs, infinities and NaN.
 */
class CompareFuserTest {
    private static final String OWNER = "io/wasmrun/test/Compares";
    private static final String OPCODE_IMPL = Type.getInternalName(OpcodeImpl.class);

    private static final Object[] INTS = {0, 1, -1, 2, 123456, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1};
    private static final Object[] LONGS = {0L, 1L, -1L, 2L, 1L << 32, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL};
    private static final Object[] FLOATS = {
        0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE
    };
    private static final Object[] DOUBLES = {
        0d, -0d, 1d, -1d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE
    };

    @Test
    void fusedComparisonsBranchLikeChicorysHelpers() throws Exception {
        List<Method> helpers = comparisonHelpers();
        assertEquals(34, helpers.size(), "comparison helpers found: " + helpers);

        byte[] original = compares(helpers);
        byte[] rewritten = ClassRewriter.forChicory().rewrite(original);
        assertFalse(callsOpcodeImpl(rewritten), "a comparison helper is still called after the rewrite");

        Class<?> before = define(original);
        Class<?> after = define(rewritten);
        int checked = 0;
        for (Method helper : helpers) {
            Object[] values = valuesFor(helper.getParameterTypes()[0]);
            for (String shape : new String[] {"ifne", "ifeq", "eqz"}) {
                String name = helper.getName() + "_" + shape;
                Method expected = before.getMethod(name, helper.getParameterTypes());
                Method actual = after.getMethod(name, helper.getParameterTypes());
                for (Object[] args : arguments(values, helper.getParameterCount())) {
                    assertEquals(
                            expected.invoke(null, args),
                            actual.invoke(null, args),
                            name + Arrays.toString(args));
                    checked++;
                }
            }
        }
        assertTrue(checked > 3000, "only " + checked + " cases checked");
    }

    @Test
    void aComparisonUsedAsAValueIsLeftAlone() {
        var writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_PUBLIC, OWNER, null, "java/lang/Object", null);
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "lt", "(II)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ILOAD, 0);
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ILOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, OPCODE_IMPL, "I32_LT_S", "(II)I", false);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        writer.visitEnd();
        byte[] original = writer.toByteArray();
        assertSame(original, ClassRewriter.forChicory().rewrite(original));
    }

    /** OpcodeImpl's static int-returning comparisons (EQ, NE, LT, GT, LE, GE, EQZ) of the four numeric types. */
    private static List<Method> comparisonHelpers() {
        var result = new ArrayList<Method>();
        for (Method m : OpcodeImpl.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() == int.class
                    && m.getName().matches("(I32|I64|F32|F64)_(EQ|NE|LT|GT|LE|GE|EQZ)(_[SU])?")) {
                result.add(m);
            }
        }
        result.sort((a, b) -> a.getName().compareTo(b.getName()));
        return result;
    }

    /** A class with, per helper, the three branch shapes Chicory emits, each returning which way it went. */
    private static byte[] compares(List<Method> helpers) {
        var writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_PUBLIC, OWNER, null, "java/lang/Object", null);
        for (Method helper : helpers) {
            String desc = Type.getMethodDescriptor(helper);
            branch(writer, helper, desc, "ifne", IFNE, false);
            branch(writer, helper, desc, "ifeq", IFEQ, false);
            branch(writer, helper, desc, "eqz", IFNE, true);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void branch(ClassWriter writer, Method helper, String desc, String shape, int jump, boolean eqz) {
        MethodVisitor mv = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, helper.getName() + "_" + shape, desc, null, null);
        mv.visitCode();
        int slot = 0;
        for (Type arg : Type.getArgumentTypes(desc)) {
            mv.visitVarInsn(arg.getOpcode(org.objectweb.asm.Opcodes.ILOAD), slot);
            slot += arg.getSize();
        }
        mv.visitMethodInsn(INVOKESTATIC, OPCODE_IMPL, helper.getName(), desc, false);
        if (eqz) {
            mv.visitMethodInsn(INVOKESTATIC, OPCODE_IMPL, "I32_EQZ", "(I)I", false);
        }
        Label taken = new Label();
        mv.visitJumpInsn(jump, taken);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitLabel(taken);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static boolean callsOpcodeImpl(byte[] classFile) {
        var node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node.methods.stream()
                .flatMap(m -> Arrays.stream(m.instructions.toArray()))
                .anyMatch(i -> i instanceof MethodInsnNode call && call.owner.equals(OPCODE_IMPL));
    }

    private static Object[] valuesFor(Class<?> type) {
        if (type == int.class) {
            return INTS;
        }
        if (type == long.class) {
            return LONGS;
        }
        return type == float.class ? FLOATS : DOUBLES;
    }

    private static List<Object[]> arguments(Object[] values, int arity) {
        var result = new ArrayList<Object[]>();
        for (Object a : values) {
            if (arity == 1) {
                result.add(new Object[] {a});
            } else {
                for (Object b : values) {
                    result.add(new Object[] {a, b});
                }
            }
        }
        return result;
    }

    private static Class<?> define(byte[] classFile) {
        return new ClassLoader(CompareFuserTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(null, classFile, 0, classFile.length);
            }
        }.define();
    }
}
