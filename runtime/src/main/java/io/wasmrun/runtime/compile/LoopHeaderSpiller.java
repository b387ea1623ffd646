package io.wasmrun.runtime.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Makes every loop header of one method start with an empty operand stack, so HotSpot can
 * compile the loop on-stack-replacement (OSR refuses "OSR starts with non-empty stack").
 *
 * <p>Chicory keeps wasm operand values on the JVM stack across a wasm {@code loop}'s back-edge.
 * For a loop header H (a label some branch jumps back to) whose stack S is not empty, this emits
 *
 * <pre>
 *   [store S to fresh locals, if the code before H falls through]
 * H':                       the new header: entered with an empty stack
 *   [load S back]
 * H:  ...body...            every backward jump to H now goes to T instead
 * T:  [store S]; goto H'    appended after the method's last instruction
 * </pre>
 *
 * Forward jumps to H are left alone; they are not OSR entries. The spill locals live only between
 * a store and the reload right after H', so all headers share them. Frames must be recomputed
 * afterwards ({@code ClassWriter.COMPUTE_FRAMES}).
 */
final class LoopHeaderSpiller {
    private LoopHeaderSpiller() {}

    /**
     * Rewrites {@code method} in place.
     *
     * @return whether anything changed
     */
    static boolean rewrite(String owner, MethodNode method) {
        InsnList insns = method.instructions;
        if (insns.size() == 0) {
            return false;
        }
        AbstractInsnNode[] code = insns.toArray();
        Map<AbstractInsnNode, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < code.length; i++) {
            index.put(code[i], i);
        }
        Map<LabelNode, List<AbstractInsnNode>> backJumps = backwardJumps(code, index);
        if (backJumps.isEmpty()) {
            return false;
        }
        Frame<BasicValue>[] frames;
        try {
            frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        } catch (AnalyzerException e) {
            return false;
        }
        Map<LabelNode, List<BasicValue>> headers = new LinkedHashMap<>();
        for (LabelNode header : backJumps.keySet()) {
            Frame<BasicValue> frame = frames[index.get(header)];
            if (frame != null && frame.getStackSize() > 0 && !isHandler(method, header)) {
                headers.put(header, stackOf(frame));
            }
        }
        if (headers.isEmpty() || holdsUninitialized(owner, method, headers.keySet(), index)) {
            return false;
        }
        int base = method.maxLocals;
        int extra = 0;
        for (var entry : headers.entrySet()) {
            extra = Math.max(extra, spill(entry.getKey(), entry.getValue(), backJumps.get(entry.getKey()), insns, frames, index, base));
        }
        method.maxLocals = base + extra;
        return true;
    }

    /** Backward jumps, by the first label of the target's label group. */
    private static Map<LabelNode, List<AbstractInsnNode>> backwardJumps(
            AbstractInsnNode[] code, Map<AbstractInsnNode, Integer> index) {
        Map<LabelNode, List<AbstractInsnNode>> result = new LinkedHashMap<>();
        for (AbstractInsnNode insn : code) {
            for (LabelNode target : targets(insn)) {
                if (index.get(target) <= index.get(insn)) {
                    List<AbstractInsnNode> jumps = result.computeIfAbsent(groupStart(target), k -> new ArrayList<>());
                    if (!jumps.contains(insn)) {
                        jumps.add(insn);
                    }
                }
            }
        }
        return result;
    }

    private static List<LabelNode> targets(AbstractInsnNode insn) {
        return switch (insn) {
            case JumpInsnNode jump -> List.of(jump.label);
            case TableSwitchInsnNode table -> withDefault(table.labels, table.dflt);
            case LookupSwitchInsnNode lookup -> withDefault(lookup.labels, lookup.dflt);
            default -> List.of();
        };
    }

    private static List<LabelNode> withDefault(List<LabelNode> labels, LabelNode dflt) {
        var all = new ArrayList<>(labels);
        all.add(dflt);
        return all;
    }

    /** The first label of the run of labels, line numbers and frames that {@code label} is in. */
    private static LabelNode groupStart(LabelNode label) {
        LabelNode first = label;
        for (AbstractInsnNode p = label.getPrevious(); p != null && p.getOpcode() < 0; p = p.getPrevious()) {
            if (p instanceof LabelNode l) {
                first = l;
            }
        }
        return first;
    }

    private static boolean isHandler(MethodNode method, LabelNode header) {
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (groupStart(block.handler) == header) {
                return true;
            }
        }
        return false;
    }

    private static List<BasicValue> stackOf(Frame<BasicValue> frame) {
        var stack = new ArrayList<BasicValue>(frame.getStackSize());
        for (int i = 0; i < frame.getStackSize(); i++) {
            stack.add(frame.getStack(i));
        }
        return stack;
    }

    /** Whether a header's stack holds an object from {@code NEW} (not yet constructed), which cannot be stored. */
    private static boolean holdsUninitialized(
            String owner, MethodNode method, Iterable<LabelNode> headers, Map<AbstractInsnNode, Integer> index) {
        boolean hasNew = false;
        for (AbstractInsnNode insn : method.instructions) {
            hasNew |= insn instanceof TypeInsnNode && insn.getOpcode() == Opcodes.NEW;
        }
        if (!hasNew) {
            return false;
        }
        Frame<SourceValue>[] sources;
        try {
            sources = new Analyzer<>(new SourceInterpreter()).analyze(owner, method);
        } catch (AnalyzerException e) {
            return true;
        }
        for (LabelNode header : headers) {
            Frame<SourceValue> frame = sources[index.get(header)];
            for (int i = 0; i < frame.getStackSize(); i++) {
                for (AbstractInsnNode source : frame.getStack(i).insns) {
                    if (source.getOpcode() == Opcodes.NEW) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Rewrites one header; returns the number of local slots its stack needs. */
    private static int spill(
            LabelNode header,
            List<BasicValue> stack,
            List<AbstractInsnNode> jumps,
            InsnList insns,
            Frame<BasicValue>[] frames,
            Map<AbstractInsnNode, Integer> index,
            int base) {
        int[] slots = new int[stack.size()];
        int next = base;
        for (int i = 0; i < stack.size(); i++) {
            slots[i] = next;
            next += stack.get(i).getSize();
        }
        LabelNode entry = new LabelNode();
        LabelNode trampoline = new LabelNode();

        var before = new InsnList();
        AbstractInsnNode previous = previousInstruction(header);
        if (previous != null && fallsThrough(previous) && frames[index.get(previous)] != null) {
            before.add(stores(stack, slots));
        }
        before.add(entry);
        before.add(loads(stack, slots));
        insns.insertBefore(header, before);

        Map<LabelNode, LabelNode> redirect = new HashMap<>();
        for (AbstractInsnNode p = header; p != null && p.getOpcode() < 0; p = p.getNext()) {
            if (p instanceof LabelNode label) {
                redirect.put(label, trampoline);
            }
        }
        for (AbstractInsnNode jump : jumps) {
            retarget(jump, redirect);
        }
        insns.add(trampoline);
        insns.add(stores(stack, slots));
        insns.add(new JumpInsnNode(Opcodes.GOTO, entry));
        return next - base;
    }

    private static void retarget(AbstractInsnNode insn, Map<LabelNode, LabelNode> redirect) {
        switch (insn) {
            case JumpInsnNode jump -> jump.label = redirect.getOrDefault(jump.label, jump.label);
            case TableSwitchInsnNode table -> {
                table.labels.replaceAll(l -> redirect.getOrDefault(l, l));
                table.dflt = redirect.getOrDefault(table.dflt, table.dflt);
            }
            case LookupSwitchInsnNode lookup -> {
                lookup.labels.replaceAll(l -> redirect.getOrDefault(l, l));
                lookup.dflt = redirect.getOrDefault(lookup.dflt, lookup.dflt);
            }
            default -> throw new IllegalArgumentException("not a jump: " + insn);
        }
    }

    private static AbstractInsnNode previousInstruction(AbstractInsnNode node) {
        AbstractInsnNode p = node.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static boolean fallsThrough(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return op != Opcodes.GOTO
                && op != Opcodes.ATHROW
                && op != Opcodes.TABLESWITCH
                && op != Opcodes.LOOKUPSWITCH
                && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN);
    }

    private static InsnList stores(List<BasicValue> stack, int[] slots) {
        var list = new InsnList();
        for (int i = stack.size() - 1; i >= 0; i--) {
            list.add(new VarInsnNode(type(stack.get(i)).getOpcode(Opcodes.ISTORE), slots[i]));
        }
        return list;
    }

    private static InsnList loads(List<BasicValue> stack, int[] slots) {
        var list = new InsnList();
        for (int i = 0; i < stack.size(); i++) {
            list.add(new VarInsnNode(type(stack.get(i)).getOpcode(Opcodes.ILOAD), slots[i]));
        }
        return list;
    }

    private static Type type(BasicValue value) {
        Type type = value.getType();
        if (type == null) {
            throw new IllegalStateException("untyped value on the stack at a loop header");
        }
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY ? Type.getType(Object.class) : type;
    }
}
