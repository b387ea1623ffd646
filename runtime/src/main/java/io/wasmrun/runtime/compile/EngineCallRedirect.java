package io.wasmrun.runtime.compile;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Points the compiled code's calls of the Chicory helpers that check guest operands in 32-bit
 * arithmetic at wasmrun's versions in {@code io.wasmrun.runtime.engine}, which take the same
 * arguments:
 *
 * <pre>
 *   OpcodeImpl.TABLE_INIT, TABLE_COPY, TABLE_FILL   become   TableOps.init, copy, fill
 *   &lt;module&gt;Shaded.getAddr (II)I                   becomes  CompiledAddresses.effectiveAddress
 * </pre>
 *
 * ({@code Shaded} is the helper class Chicory copies into each compiled module; its table helpers
 * call {@code OpcodeImpl}.) The rewrite changes one call for another with the same descriptor, so
 * it never changes a method's size or stack; it is applied to every method, also those the other
 * passes leave alone.
 */
final class EngineCallRedirect {
    private static final String OPCODE_IMPL = "com/dylibso/chicory/runtime/OpcodeImpl";
    private static final String TABLE_OPS = "io/wasmrun/runtime/engine/TableOps";
    private static final String COMPILED_ADDRESSES = "io/wasmrun/runtime/engine/CompiledAddresses";

    /** OpcodeImpl's table helpers, by name and descriptor, and the name of their replacement. */
    private static final Map<String, String> TABLE_HELPERS =
            Map.of(
                    "TABLE_INIT(Lcom/dylibso/chicory/runtime/Instance;IIIII)V", "init",
                    "TABLE_COPY(Lcom/dylibso/chicory/runtime/Instance;IIIII)V", "copy",
                    "TABLE_FILL(Lcom/dylibso/chicory/runtime/Instance;IIII)V", "fill");

    private EngineCallRedirect() {}

    /**
     * Rewrites {@code method} in place.
     *
     * @return whether anything changed
     */
    static boolean rewrite(MethodNode method) {
        boolean changed = false;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof MethodInsnNode call) || call.getOpcode() != INVOKESTATIC) {
                continue;
            }
            if (call.owner.equals(OPCODE_IMPL)) {
                String name = TABLE_HELPERS.get(call.name + call.desc);
                if (name != null) {
                    call.owner = TABLE_OPS;
                    call.name = name;
                    changed = true;
                }
            } else if (call.owner.endsWith("Shaded") && call.name.equals("getAddr") && call.desc.equals("(II)I")) {
                call.owner = COMPILED_ADDRESSES;
                call.name = "effectiveAddress";
                changed = true;
            }
        }
        return changed;
    }
}
