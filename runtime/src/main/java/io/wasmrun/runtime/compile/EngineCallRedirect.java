package io.wasmrun.runtime.compile;

import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.NEW;

import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Points the compiled code's calls of the Chicory helpers that get guest operands wrong (bounds
 * checked in 32-bit arithmetic, rounding, NaNs) at wasmrun's versions in {@code
 * io.wasmrun.runtime.engine}, which take the same arguments:
 *
 * <pre>
 *   OpcodeImpl.TABLE_INIT, TABLE_COPY, TABLE_FILL   become   TableOps.init, copy, fill
 *   OpcodeImpl.F32_CONVERT_I64_U, F32_MIN, ...      become   FloatOps.f32ConvertI64U, f32Min, ...
 *   &lt;module&gt;Shaded.getAddr (II)I                   becomes  CompiledAddresses.effectiveAddress
 *   new CompilerInterpreterMachine(instance, ids)   becomes  new LazyBodyInterpreter(instance, ids)
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
    private static final String FLOAT_OPS = "io/wasmrun/runtime/engine/FloatOps";
    private static final String COMPILED_ADDRESSES = "io/wasmrun/runtime/engine/CompiledAddresses";
    private static final String INTERPRETER = "com/dylibso/chicory/runtime/internal/CompilerInterpreterMachine";
    private static final String LAZY_BODY_INTERPRETER = "io/wasmrun/runtime/engine/LazyBodyInterpreter";

    /** A replacement's class and method name. */
    private record Target(String owner, String name) {}

    /** OpcodeImpl's helpers that are replaced, by name and descriptor. */
    private static final Map<String, Target> REPLACED =
            Map.ofEntries(
                    Map.entry("TABLE_INIT(Lcom/dylibso/chicory/runtime/Instance;IIIII)V", new Target(TABLE_OPS, "init")),
                    Map.entry("TABLE_COPY(Lcom/dylibso/chicory/runtime/Instance;IIIII)V", new Target(TABLE_OPS, "copy")),
                    Map.entry("TABLE_FILL(Lcom/dylibso/chicory/runtime/Instance;IIII)V", new Target(TABLE_OPS, "fill")),
                    Map.entry("F32_CONVERT_I64_U(J)F", new Target(FLOAT_OPS, "f32ConvertI64U")),
                    Map.entry("F64_CONVERT_I64_U(J)D", new Target(FLOAT_OPS, "f64ConvertI64U")),
                    Map.entry("F32_MIN(FF)F", new Target(FLOAT_OPS, "f32Min")),
                    Map.entry("F32_MAX(FF)F", new Target(FLOAT_OPS, "f32Max")),
                    Map.entry("F64_MIN(DD)D", new Target(FLOAT_OPS, "f64Min")),
                    Map.entry("F64_MAX(DD)D", new Target(FLOAT_OPS, "f64Max")),
                    Map.entry("F64_FLOOR(D)D", new Target(FLOAT_OPS, "f64Floor")),
                    Map.entry("F64_CEIL(D)D", new Target(FLOAT_OPS, "f64Ceil")),
                    Map.entry("F64_TRUNC(D)D", new Target(FLOAT_OPS, "f64Trunc")),
                    Map.entry("F64_NEAREST(D)D", new Target(FLOAT_OPS, "f64Nearest")));

    private EngineCallRedirect() {}

    /**
     * Rewrites {@code method} in place.
     *
     * @return whether anything changed
     */
    static boolean rewrite(MethodNode method) {
        boolean changed = false;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof TypeInsnNode type && type.getOpcode() == NEW && type.desc.equals(INTERPRETER)) {
                type.desc = LAZY_BODY_INTERPRETER;
                changed = true;
                continue;
            }
            if (insn instanceof MethodInsnNode constructor
                    && constructor.getOpcode() == INVOKESPECIAL
                    && constructor.owner.equals(INTERPRETER)
                    && constructor.name.equals("<init>")) {
                constructor.owner = LAZY_BODY_INTERPRETER;
                changed = true;
                continue;
            }
            if (!(insn instanceof MethodInsnNode call) || call.getOpcode() != INVOKESTATIC) {
                continue;
            }
            if (call.owner.equals(OPCODE_IMPL)) {
                Target target = REPLACED.get(call.name + call.desc);
                if (target != null) {
                    call.owner = target.owner();
                    call.name = target.name();
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
