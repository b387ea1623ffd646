package io.wasmrun.runtime.compile;

import static org.objectweb.asm.Opcodes.H_INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Turns the compiled code's calls of Chicory's load, store and interrupt-check helpers in the
 * memory loops of large functions into {@code invokedynamic} call sites bound to {@code
 * io.wasmrun.runtime.engine.HelperCallSites}, which C2 inlines however large the function is
 * (that class says why):
 *
 * <pre>
 *   invokestatic &lt;module&gt;Shaded.memoryReadInt (IILMemory;)I
 * becomes
 *   invokedynamic memoryReadInt (IILMemory;)I   [HelperCallSites.bootstrap]
 * </pre>
 *
 * The operand stack is the same before and after; each site grows by two bytes. A call site
 * costs more than a static call until C2 compiles the method: it is linked on its first execution,
 * the interpreter passes it through two method-handle frames, and C1 code compiled before it was
 * linked calls it out of line. So only the calls where C2 runs out of inlining budget are
 * rewritten ({@link Limits#DEFAULT}): those in a method with at least 80 helper calls (wasi-libc's
 * {@code memcpy} and {@code memmove} have 80-90), and there in the loops with at least 8 (an
 * unrolled copy loop has 8 to 16).
 */
final class HelperCallRewrite {
    private static final String MEMORY = "Lcom/dylibso/chicory/runtime/Memory;";

    /** Chicory's helpers that are rewritten, by name and descriptor. */
    static final Set<String> HELPERS = Set.of(
            "checkInterruption()V",
            "memoryReadByte(II" + MEMORY + ")B",
            "memoryReadShort(II" + MEMORY + ")S",
            "memoryReadInt(II" + MEMORY + ")I",
            "memoryReadLong(II" + MEMORY + ")J",
            "memoryReadFloat(II" + MEMORY + ")F",
            "memoryReadDouble(II" + MEMORY + ")D",
            "memoryWriteByte(IBI" + MEMORY + ")V",
            "memoryWriteShort(ISI" + MEMORY + ")V",
            "memoryWriteInt(III" + MEMORY + ")V",
            "memoryWriteLong(IJI" + MEMORY + ")V",
            "memoryWriteFloat(IFI" + MEMORY + ")V",
            "memoryWriteDouble(IDI" + MEMORY + ")V");

    /**
     * Which calls are rewritten: those in a loop with at least {@code loopSites} helper calls, in a
     * method with at least {@code methodSites}.
     */
    record Limits(int methodSites, int loopSites) {
        /** C2 inlines some 30 helper calls of a method before its cutoff; 80 leaves the small ones alone. */
        static final Limits DEFAULT = new Limits(80, 8);

        /** Every helper call in a loop, for tests of the call sites on code of every shape. */
        static final Limits EVERY_LOOP = new Limits(0, 1);
    }

    private static final Handle BOOTSTRAP = new Handle(
            H_INVOKESTATIC,
            "io/wasmrun/runtime/engine/HelperCallSites",
            "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                    + "Ljava/lang/invoke/CallSite;",
            false);

    private HelperCallRewrite() {}

    /**
     * Rewrites {@code method} in place.
     *
     * @return whether anything changed
     */
    static boolean rewrite(MethodNode method, Limits limits) {
        InsnList insns = method.instructions;
        List<AbstractInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (isHelperCall(insn)) {
                calls.add(insn);
            }
        }
        if (calls.isEmpty() || calls.size() < limits.methodSites()) {
            return false;
        }
        boolean[] inLoop = loopBodies(insns, limits.loopSites());
        boolean changed = false;
        for (AbstractInsnNode insn : calls) {
            if (inLoop[insns.indexOf(insn)]) {
                var call = (MethodInsnNode) insn;
                insns.set(call, new InvokeDynamicInsnNode(call.name, call.desc, BOOTSTRAP));
                changed = true;
            }
        }
        return changed;
    }

    private static boolean isHelperCall(AbstractInsnNode insn) {
        return insn instanceof MethodInsnNode call
                && call.getOpcode() == INVOKESTATIC
                && call.owner.endsWith("Shaded")
                && HELPERS.contains(call.name + call.desc);
    }

    /**
     * Which instructions lie in a loop with at least {@code loopSites} helper calls: between a
     * label and a jump back to it. Chicory's code is structured, so that is the loop's body with
     * the blocks nested in it.
     */
    private static boolean[] loopBodies(InsnList insns, int loopSites) {
        int[] callsBefore = new int[insns.size() + 1];
        int index = 0;
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext(), index++) {
            callsBefore[index + 1] = callsBefore[index] + (isHelperCall(insn) ? 1 : 0);
        }
        boolean[] inLoop = new boolean[insns.size()];
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof JumpInsnNode jump) {
                int from = insns.indexOf(jump.label);
                int to = insns.indexOf(jump);
                if (from < to && callsBefore[to] - callsBefore[from] >= loopSites) {
                    Arrays.fill(inLoop, from, to + 1, true);
                }
            }
        }
        return inLoop;
    }
}
