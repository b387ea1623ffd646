package io.wasmrun.runtime.compile;

import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Cuts Chicory's {@code call_indirect} dispatch classes into small ones. For a function type that
 * more than 1,024 functions have, Chicory dispatches through one class per 4,096 function indices
 * ({@code <Machine>Indirect_<type>_<start>}), whose {@code apply} is a {@code lookupswitch} over
 * every index of that type in its range with a static call in each case: about 50 KB of bytecode
 * and 270 KB of class. A run that calls a few functions of such a type through a table defines
 * and verifies every range it touches (8.5 ms each, 9 of them in a 9 MB module of 35,000
 * functions), and HotSpot compiles no method over 8,000 bytes, so every such call ran through the
 * bytecode interpreter.
 *
 * <p>After the split, {@code apply} keeps its descriptor and picks one of 16 classes by {@code
 * (index - start) >> 8} with a {@code tableswitch}; each of those ({@code
 * <Machine>Indirect_<type>_<start>_<k>}) holds Chicory's cases for 256 indices. A call defines two
 * small classes, and every method is small enough to compile. With parts of 64 indices, yosys's
 * synthesis script defined 210 of them instead of 17 range classes and ran 7 % slower than before
 * the split (1.68 s against 1.58 s, 8 runs each); with 256 it took 1.64 s against 1.69 s. A class
 * of another shape is left alone.
 *
 * <p>An index that no case holds is a function of another type: the index comes from a table
 * entry, which names a function of the module, and Chicory's range switch covers every function
 * index. Chicory's range classes threw {@code unknown function} for it, so such a call trapped
 * with the wrong kind; the split classes throw Chicory's own {@code indirect call type mismatch}
 * ({@code throwIndirectCallTypeMismatch} of the module's copy of its helpers).
 */
final class IndirectDispatchSplit {
    private static final Pattern DISPATCH_CLASS = Pattern.compile(".*Indirect_\\d+_(\\d+)");
    private static final int SHIFT = 8;
    /** Indices per part. */
    static final int PART_SIZE = 1 << SHIFT;

    private IndirectDispatchSplit() {}

    /** {@code jar} with every large dispatch class split; the same jar when there is none. */
    static ClassJar apply(ClassJar jar) {
        var classes = new LinkedHashMap<String, byte[]>();
        boolean changed = false;
        for (var entry : jar.classes().entrySet()) {
            Map<String, byte[]> split = split(entry.getKey(), entry.getValue());
            changed |= split.size() > 1;
            classes.putAll(split);
        }
        return changed
                ? new ClassJar(jar.mainClass(), classes, jar.interpretedFunctions(), jar.interpreterStackFloor())
                : jar;
    }

    /** The class {@code name} as it is, or its split: the new dispatcher under its name, then its parts. */
    static Map<String, byte[]> split(String name, byte[] classFile) {
        var matcher = DISPATCH_CLASS.matcher(name);
        if (!matcher.matches()) {
            return Map.of(name, classFile);
        }
        var node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        Dispatch dispatch = node.methods.size() == 1 ? Dispatch.of(node.methods.get(0)) : null;
        if (dispatch == null || dispatch.cases().size() <= PART_SIZE) {
            return Map.of(name, classFile);
        }
        int start = Integer.parseInt(matcher.group(1));
        var parts = new ArrayList<List<Case>>();
        for (Case c : dispatch.cases()) {
            int part = (c.index() - start) >> SHIFT;
            if (part < 0) {
                return Map.of(name, classFile);
            }
            while (parts.size() <= part) {
                parts.add(new ArrayList<>());
            }
            parts.get(part).add(c);
        }
        var result = new LinkedHashMap<String, byte[]>();
        result.put(name, dispatcher(node, dispatch, start, parts));
        for (int k = 0; k < parts.size(); k++) {
            if (!parts.get(k).isEmpty()) {
                result.put(name + "_" + k, part(node, dispatch, node.name + "_" + k, parts.get(k)));
            }
        }
        return result;
    }

    /** One case of the switch: a function index and the static call it makes. */
    private record Case(int index, String owner, String name, String descriptor) {}

    /**
     * Chicory's {@code apply}: the arguments pushed, the index (the last argument) pushed, a
     * {@code lookupswitch} whose every case is one static call and a return, and a default that
     * passes the index to {@code throwUnknownFunction} of the module's helper class ({@code
     * helpers}).
     */
    private record Dispatch(MethodNode method, List<Case> cases, String helpers) {
        static Dispatch of(MethodNode method) {
            Type[] arguments = Type.getArgumentTypes(method.desc);
            if (!method.name.equals("apply") || arguments.length == 0 || arguments[arguments.length - 1] != Type.INT_TYPE) {
                return null;
            }
            LookupSwitchInsnNode lookup = null;
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof LookupSwitchInsnNode found) {
                    if (lookup != null) {
                        return null;
                    }
                    lookup = found;
                }
            }
            if (lookup == null) {
                return null;
            }
            var cases = new ArrayList<Case>();
            for (int i = 0; i < lookup.keys.size(); i++) {
                if (!(next(lookup.labels.get(i)) instanceof MethodInsnNode call) || call.getOpcode() != INVOKESTATIC) {
                    return null;
                }
                cases.add(new Case(lookup.keys.get(i), call.owner, call.name, call.desc));
            }
            AbstractInsnNode load = next(lookup.dflt);
            if (!(load instanceof VarInsnNode index) || index.getOpcode() != ILOAD
                    || !(next(load) instanceof MethodInsnNode unknown) || unknown.getOpcode() != INVOKESTATIC
                    || !unknown.name.equals("throwUnknownFunction")) {
                return null;
            }
            return new Dispatch(method, cases, unknown.owner);
        }

        private static AbstractInsnNode next(AbstractInsnNode insn) {
            AbstractInsnNode next = insn.getNext();
            while (next != null && next.getOpcode() < 0) {
                next = next.getNext();
            }
            return next;
        }
    }

    /** The new {@code apply}: a {@code tableswitch} on the part, each case a call of that part's {@code apply}. */
    private static byte[] dispatcher(ClassNode node, Dispatch dispatch, int start, List<List<Case>> parts) {
        var writer = classWriter(node, node.name);
        MethodVisitor mv = method(writer, dispatch);
        int index = pushArguments(mv, dispatch.method().desc);
        Label mismatch = new Label();
        Label[] labels = new Label[parts.size()];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = parts.get(k).isEmpty() ? mismatch : new Label();
        }
        mv.visitVarInsn(ILOAD, index);
        mv.visitLdcInsn(start);
        mv.visitInsn(ISUB);
        mv.visitLdcInsn(SHIFT);
        mv.visitInsn(ISHR);
        mv.visitTableSwitchInsn(0, labels.length - 1, mismatch, labels);
        Type returnType = Type.getReturnType(dispatch.method().desc);
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != mismatch) {
                mv.visitLabel(labels[k]);
                mv.visitVarInsn(ILOAD, index);
                mv.visitMethodInsn(INVOKESTATIC, node.name + "_" + k, "apply", dispatch.method().desc, false);
                mv.visitInsn(returnType.getOpcode(IRETURN));
            }
        }
        throwTypeMismatch(mv, dispatch, mismatch);
        return finish(writer, mv);
    }

    /** A part: Chicory's cases for its indices, and its default. */
    private static byte[] part(ClassNode node, Dispatch dispatch, String name, List<Case> cases) {
        var writer = classWriter(node, name);
        MethodVisitor mv = method(writer, dispatch);
        int index = pushArguments(mv, dispatch.method().desc);
        Label mismatch = new Label();
        int[] keys = new int[cases.size()];
        Label[] labels = new Label[cases.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = cases.get(i).index();
            labels[i] = new Label();
        }
        mv.visitVarInsn(ILOAD, index);
        mv.visitLookupSwitchInsn(mismatch, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            Case c = cases.get(i);
            mv.visitLabel(labels[i]);
            mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), c.descriptor(), false);
            mv.visitInsn(Type.getReturnType(c.descriptor()).getOpcode(IRETURN));
        }
        throwTypeMismatch(mv, dispatch, mismatch);
        return finish(writer, mv);
    }

    private static ClassWriter classWriter(ClassNode node, String name) {
        var writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(node.version, node.access, name, null, node.superName, null);
        if (node.sourceFile != null) {
            writer.visitSource(node.sourceFile, null);
        }
        return writer;
    }

    private static MethodVisitor method(ClassWriter writer, Dispatch dispatch) {
        MethodNode method = dispatch.method();
        MethodVisitor mv = writer.visitMethod(method.access, method.name, method.desc, null, null);
        mv.visitCode();
        return mv;
    }

    /** Pushes every argument but the last (the index); returns the index's local slot. */
    private static int pushArguments(MethodVisitor mv, String descriptor) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        int slot = 0;
        for (int i = 0; i < arguments.length - 1; i++) {
            mv.visitVarInsn(arguments[i].getOpcode(ILOAD), slot);
            slot += arguments[i].getSize();
        }
        return slot;
    }

    private static void throwTypeMismatch(MethodVisitor mv, Dispatch dispatch, Label mismatch) {
        mv.visitLabel(mismatch);
        mv.visitMethodInsn(INVOKESTATIC, dispatch.helpers(), "throwIndirectCallTypeMismatch", "()Ljava/lang/RuntimeException;", false);
        mv.visitInsn(ATHROW);
    }

    private static byte[] finish(ClassWriter writer, MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
