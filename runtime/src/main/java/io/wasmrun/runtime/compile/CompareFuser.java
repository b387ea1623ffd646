package io.wasmrun.runtime.compile;

import static org.objectweb.asm.Opcodes.DCMPG;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.FCMPG;
import static org.objectweb.asm.Opcodes.FCMPL;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPEQ;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Turns a call to one of Chicory's comparison helpers followed by a conditional jump on its result
 * into the JVM's own compare-and-jump, inline in the generated method.
 *
 * <p>Chicory compiles a wasm comparison such as {@code i32.lt_s} into a call of a static helper
 * ({@code OpcodeImpl.I32_LT_S}) that returns 1 or 0, and a {@code br_if} on it into {@code ifne}.
 * Three costs follow: the bytecode interpreter and C1 pay a call per comparison; every helper is
 * one method shared by all comparisons of all modules, so its branch profile is the mix of all of
 * them and C2 compiles (and deoptimizes, {@code unstable_if} in {@code OpcodeImpl.I32_NE}) each
 * inlined copy for that mix instead of for its own site; and every call is one more inlining
 * decision for C2. After the rewrite each comparison has its own branch profile:
 *
 * <pre>
 *   invokestatic OpcodeImpl.I32_LT_S (II)I; ifne L   becomes   if_icmplt L
 *   invokestatic OpcodeImpl.I32_EQZ  (I)I;  ifne L   becomes   ifeq L
 *   invokestatic OpcodeImpl.I64_LT_U (JJ)I; ifne L   becomes   invokestatic Long.compareUnsigned; iflt L
 *   invokestatic OpcodeImpl.F64_LT   (DD)I; ifne L   becomes   dcmpg; iflt L
 * </pre>
 *
 * and {@code ifeq} (jump when false) takes the negated jump. Float comparisons pick {@code fcmpl}
 * or {@code fcmpg} so that a NaN operand makes the comparison false, as in wasm. A rewrite never
 * makes the method longer (so it cannot push a method over HotSpot's 8000-byte limit for
 * compiling), and a comparison whose result is used as a value is left as it is.
 */
final class CompareFuser {
    private static final String OPCODE_IMPL = "com/dylibso/chicory/runtime/OpcodeImpl";

    /** What replaces one helper call: the instructions before the jump, and the jump taken when true. */
    private record Fused(AbstractInsnNode[] prefix, int jumpIfTrue) {}

    private static final Map<String, Fused> BY_HELPER = helpers();

    private CompareFuser() {}

    /**
     * Rewrites {@code method} in place.
     *
     * @return whether anything changed
     */
    static boolean rewrite(MethodNode method) {
        InsnList insns = method.instructions;
        boolean changed = false;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof JumpInsnNode jump && isTest(jump.getOpcode())) {
                JumpInsnNode current = jump;
                while (current.getPrevious() instanceof MethodInsnNode call && fusedFor(call) != null) {
                    current = fuse(insns, call, current, fusedFor(call));
                    changed = true;
                    if (!isTest(current.getOpcode())) {
                        break;
                    }
                }
                insn = current;
            }
        }
        return changed;
    }

    private static boolean isTest(int opcode) {
        return opcode == IFEQ || opcode == IFNE;
    }

    private static Fused fusedFor(MethodInsnNode call) {
        if (call.getOpcode() != INVOKESTATIC) {
            return null;
        }
        if (call.owner.equals(OPCODE_IMPL)) {
            return BY_HELPER.get(call.name + call.desc);
        }
        if (call.owner.endsWith("Shaded") && call.name.equals("i32_ge_u") && call.desc.equals("(II)I")) {
            return BY_HELPER.get("I32_GE_U(II)I");
        }
        return null;
    }

    /** Replaces {@code call; jump} with the fused form; returns the new jump. */
    private static JumpInsnNode fuse(InsnList insns, MethodInsnNode call, JumpInsnNode jump, Fused fused) {
        int opcode = jump.getOpcode() == IFNE ? fused.jumpIfTrue() : negate(fused.jumpIfTrue());
        var replacement = new JumpInsnNode(opcode, jump.label);
        for (AbstractInsnNode prefix : fused.prefix()) {
            insns.insertBefore(call, prefix.clone(Map.of()));
        }
        insns.insertBefore(call, replacement);
        insns.remove(call);
        insns.remove(jump);
        return replacement;
    }

    private static int negate(int jump) {
        return switch (jump) {
            case IFEQ -> IFNE;
            case IFNE -> IFEQ;
            case IFLT -> IFGE;
            case IFGE -> IFLT;
            case IFGT -> IFLE;
            case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE;
            case IF_ICMPNE -> IF_ICMPEQ;
            case IF_ICMPLT -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE;
            case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
        };
    }

    private static Map<String, Fused> helpers() {
        Map<String, Fused> map = new HashMap<>();
        String[] relations = {"EQ", "NE", "LT", "GT", "LE", "GE"};
        int[] intJumps = {IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGT, IF_ICMPLE, IF_ICMPGE};
        int[] signJumps = {IFEQ, IFNE, IFLT, IFGT, IFLE, IFGE};
        // fcmpl gives -1 and fcmpg 1 for a NaN operand: pick the one that makes the relation false.
        int[] floatCompares = {FCMPL, FCMPL, FCMPG, FCMPL, FCMPG, FCMPL};
        int[] doubleCompares = {DCMPL, DCMPL, DCMPG, DCMPL, DCMPG, DCMPL};
        var compareUnsignedInt = new MethodInsnNode(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I");
        var compareUnsignedLong = new MethodInsnNode(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I");
        for (int i = 0; i < relations.length; i++) {
            String r = relations[i];
            boolean ordered = i >= 2;
            map.put("I32_" + r + (ordered ? "_S" : "") + "(II)I", new Fused(new AbstractInsnNode[0], intJumps[i]));
            map.put("I64_" + r + (ordered ? "_S" : "") + "(JJ)I", new Fused(insns(new InsnNode(LCMP)), signJumps[i]));
            if (ordered) {
                map.put("I32_" + r + "_U(II)I", new Fused(insns(compareUnsignedInt), signJumps[i]));
                map.put("I64_" + r + "_U(JJ)I", new Fused(insns(compareUnsignedLong), signJumps[i]));
            }
            map.put("F32_" + r + "(FF)I", new Fused(insns(new InsnNode(floatCompares[i])), signJumps[i]));
            map.put("F64_" + r + "(DD)I", new Fused(insns(new InsnNode(doubleCompares[i])), signJumps[i]));
        }
        map.put("I32_EQZ(I)I", new Fused(new AbstractInsnNode[0], IFEQ));
        map.put("I64_EQZ(J)I", new Fused(insns(new InsnNode(LCONST_0), new InsnNode(LCMP)), IFEQ));
        return Map.copyOf(map);
    }

    private static AbstractInsnNode[] insns(AbstractInsnNode... insns) {
        return insns;
    }
}
