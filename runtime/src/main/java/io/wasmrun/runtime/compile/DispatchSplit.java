package io.wasmrun.runtime.compile;

import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.ISUB;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Cuts Chicory's range dispatch classes into small ones. In a module of many functions Chicory
 * dispatches by function index through one class per 4,096 indices, each a single static method
 * with a switch over every index of its range and a static call in each case:
 *
 * <pre>
 *   &lt;Machine&gt;Indirect_&lt;type&gt;_&lt;start&gt;.apply(args..., memory, instance, index)
 *       call_indirect, for a function type that more than 1,024 functions have (lookupswitch)
 *   &lt;Machine&gt;Dispatch_&lt;start&gt;.call_dispatch_&lt;start&gt;(instance, memory, index, args)
 *       Machine.call, the way in from the host and from the interpreter (tableswitch)
 * </pre>
 *
 * Such a method is 16-50 KB of bytecode in a 230-270 KB class, which takes 8.5 ms to define and
 * verify, and HotSpot compiles no method over 8,000 bytes, so every call through one ran in the
 * bytecode interpreter. A run that calls a few functions through a range defines the whole range:
 * 8 of them in a 9 MB module of 35,000 functions whose program makes 16 calls.
 *
 * <p>After the split the method keeps its name and descriptor and picks one of 16 parts by {@code
 * (index - start) >> 8} with a {@code tableswitch}; each part ({@code <class>_<k>}, the same
 * method) holds Chicory's cases for 256 indices. A call defines two small classes, and every
 * method is small enough to compile. With parts of 64 indices, yosys's synthesis script defined
 * 210 parts instead of 17 range classes and ran 7 % slower than before the split (1.68 s against
 * 1.58 s, 8 runs each); with 256 it took 1.64 s against 1.69 s. A class of another shape is left
 * alone.
 *
 * <p>An index that no {@code call_indirect} case holds is a function of another type: the index
 * comes from a table entry, which names a function of the module, and the range switch covers
 * every function index. Chicory's range classes threw {@code unknown function} for it, so such a
 * call trapped with the wrong kind; the parts throw {@code indirect call type mismatch} ({@code
 * throwIndirectCallTypeMismatch} of the module's copy of Chicory's helpers). A {@code Machine.call}
 * index that no case holds still throws {@code unknown function}.
 */
final class DispatchSplit {
    private static final Pattern INDIRECT = Pattern.compile(".*Indirect_\\d+_(\\d+)");
    private static final Pattern DISPATCH = Pattern.compile(".*Dispatch_(\\d+)");
    private static final int SHIFT = 8;
    /** Indices per part. */
    static final int PART_SIZE = 1 << SHIFT;

    private DispatchSplit() {}

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
        Matcher indirect = INDIRECT.matcher(name);
        Matcher dispatch = DISPATCH.matcher(name);
        Matcher range = indirect.matches() ? indirect : dispatch.matches() ? dispatch : null;
        if (range == null) {
            return Map.of(name, classFile);
        }
        var node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES);
        Switch method = node.methods.size() == 1 ? Switch.of(node.methods.get(0), range == indirect) : null;
        if (method == null || method.cases().size() <= PART_SIZE) {
            return Map.of(name, classFile);
        }
        int start = Integer.parseInt(range.group(1));
        var parts = new ArrayList<List<Case>>();
        for (Case c : method.cases()) {
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
        result.put(name, dispatcher(node, method, start, parts));
        for (int k = 0; k < parts.size(); k++) {
            if (!parts.get(k).isEmpty()) {
                result.put(name + "_" + k, part(node, method, node.name + "_" + k, parts.get(k)));
            }
        }
        return result;
    }

    /** One case of the switch: a function index and the static call it makes. */
    private record Case(int index, String owner, String name, String descriptor) {}

    /**
     * Chicory's range method: every argument but the index pushed in order, the index pushed, a
     * switch whose every case is one static call and a return, and a default that passes the index
     * to {@code throwUnknownFunction} of the module's helper class ({@code helpers}).
     *
     * @param indexSlot the index argument's local slot
     * @param mismatch whether a miss is a type mismatch ({@code call_indirect}) rather than an
     *     unknown function
     */
    private record Switch(MethodNode method, int indexSlot, List<Case> cases, String helpers, boolean mismatch) {
        static Switch of(MethodNode method, boolean mismatch) {
            List<AbstractInsnNode> code = new ArrayList<>();
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() >= 0) {
                    code.add(insn);
                }
            }
            Type[] arguments = Type.getArgumentTypes(method.desc);
            int n = arguments.length;
            if (n == 0 || code.size() <= n || !(code.get(n - 1) instanceof VarInsnNode indexLoad) || indexLoad.getOpcode() != ILOAD) {
                return null;
            }
            int indexSlot = indexLoad.var;
            boolean indexFound = false;
            int slot = 0;
            int at = 0;
            for (Type argument : arguments) {
                if (slot == indexSlot && argument == Type.INT_TYPE) {
                    indexFound = true;
                } else if (!isLoad(code.get(at++), argument.getOpcode(ILOAD), slot)) {
                    return null;
                }
                slot += argument.getSize();
            }
            if (!indexFound) {
                return null;
            }
            var cases = new ArrayList<Case>();
            LabelNode dflt;
            AbstractInsnNode choice = code.get(n);
            if (choice instanceof LookupSwitchInsnNode lookup) {
                for (int i = 0; i < lookup.keys.size(); i++) {
                    if (!addCase(cases, lookup.keys.get(i), lookup.labels.get(i))) {
                        return null;
                    }
                }
                dflt = lookup.dflt;
            } else if (choice instanceof TableSwitchInsnNode table) {
                for (int i = 0; i < table.labels.size(); i++) {
                    if (table.labels.get(i) != table.dflt && !addCase(cases, table.min + i, table.labels.get(i))) {
                        return null;
                    }
                }
                dflt = table.dflt;
            } else {
                return null;
            }
            AbstractInsnNode load = next(dflt);
            if (!isLoad(load, ILOAD, indexSlot)
                    || !(next(load) instanceof MethodInsnNode unknown)
                    || unknown.getOpcode() != INVOKESTATIC
                    || !unknown.name.equals("throwUnknownFunction")) {
                return null;
            }
            return new Switch(method, indexSlot, cases, unknown.owner, mismatch);
        }

        private static boolean addCase(List<Case> cases, int index, LabelNode label) {
            if (!(next(label) instanceof MethodInsnNode call) || call.getOpcode() != INVOKESTATIC) {
                return false;
            }
            cases.add(new Case(index, call.owner, call.name, call.desc));
            return true;
        }

        private static boolean isLoad(AbstractInsnNode insn, int opcode, int slot) {
            return insn instanceof VarInsnNode load && load.getOpcode() == opcode && load.var == slot;
        }

        private static AbstractInsnNode next(AbstractInsnNode insn) {
            AbstractInsnNode next = insn.getNext();
            while (next != null && next.getOpcode() < 0) {
                next = next.getNext();
            }
            return next;
        }
    }

    /** The new method: every argument pushed, a {@code tableswitch} on the part, each case a call of that part. */
    private static byte[] dispatcher(ClassNode node, Switch method, int start, List<List<Case>> parts) {
        var writer = classWriter(node, node.name);
        MethodVisitor mv = method(writer, method);
        pushArguments(mv, method, false);
        Label miss = new Label();
        Label[] labels = new Label[parts.size()];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = parts.get(k).isEmpty() ? miss : new Label();
        }
        mv.visitVarInsn(ILOAD, method.indexSlot());
        mv.visitLdcInsn(start);
        mv.visitInsn(ISUB);
        mv.visitLdcInsn(SHIFT);
        mv.visitInsn(ISHR);
        mv.visitTableSwitchInsn(0, labels.length - 1, miss, labels);
        Type returnType = Type.getReturnType(method.method().desc);
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] != miss) {
                mv.visitLabel(labels[k]);
                mv.visitMethodInsn(INVOKESTATIC, node.name + "_" + k, method.method().name, method.method().desc, false);
                mv.visitInsn(returnType.getOpcode(IRETURN));
            }
        }
        throwMiss(mv, method, miss);
        return finish(writer, mv);
    }

    /** A part: every argument but the index pushed, Chicory's cases for its indices, and the miss. */
    private static byte[] part(ClassNode node, Switch method, String name, List<Case> cases) {
        var writer = classWriter(node, name);
        MethodVisitor mv = method(writer, method);
        pushArguments(mv, method, true);
        Label miss = new Label();
        int[] keys = new int[cases.size()];
        Label[] labels = new Label[cases.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = cases.get(i).index();
            labels[i] = new Label();
        }
        mv.visitVarInsn(ILOAD, method.indexSlot());
        mv.visitLookupSwitchInsn(miss, keys, labels);
        for (int i = 0; i < keys.length; i++) {
            Case c = cases.get(i);
            mv.visitLabel(labels[i]);
            mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.name(), c.descriptor(), false);
            mv.visitInsn(Type.getReturnType(c.descriptor()).getOpcode(IRETURN));
        }
        throwMiss(mv, method, miss);
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

    private static MethodVisitor method(ClassWriter writer, Switch method) {
        MethodNode original = method.method();
        MethodVisitor mv = writer.visitMethod(original.access, original.name, original.desc, null, null);
        mv.visitCode();
        return mv;
    }

    /** Pushes the method's arguments in order, without the index when {@code withoutIndex}. */
    private static void pushArguments(MethodVisitor mv, Switch method, boolean withoutIndex) {
        int slot = 0;
        for (Type argument : Type.getArgumentTypes(method.method().desc)) {
            if (!(withoutIndex && slot == method.indexSlot())) {
                mv.visitVarInsn(argument.getOpcode(ILOAD), slot);
            }
            slot += argument.getSize();
        }
    }

    private static void throwMiss(MethodVisitor mv, Switch method, Label miss) {
        mv.visitLabel(miss);
        if (method.mismatch()) {
            mv.visitMethodInsn(INVOKESTATIC, method.helpers(), "throwIndirectCallTypeMismatch", "()Ljava/lang/RuntimeException;", false);
        } else {
            mv.visitVarInsn(ILOAD, method.indexSlot());
            mv.visitMethodInsn(INVOKESTATIC, method.helpers(), "throwUnknownFunction", "(I)Ljava/lang/RuntimeException;", false);
        }
        mv.visitInsn(ATHROW);
    }

    private static byte[] finish(ClassWriter writer, MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
