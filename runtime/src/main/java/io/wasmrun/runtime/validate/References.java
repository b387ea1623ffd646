package io.wasmrun.runtime.validate;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The indices a module's declarations hold outside function bodies: exports' indices, and the
 * functions element segments of every mode name (Chicory 1.7.5 checks neither exports nor passive
 * segments). Reading them collects the functions the module declares, the spec's C.refs: those an
 * export, an element segment, or a global's or table's initializer names, the only ones
 * {@code ref.func} in a body may reference.
 *
 * @param declared the declared functions (complete only when there is no problem)
 * @param problem why the module is invalid ("unknown function N: ..."), or null
 */
record References(BitSet declared, String problem) {
    static References of(WasmModule module, IndexSpaces spaces) {
        var declared = new BitSet(spaces.functions());
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var export = exports.getExport(i);
            int index = export.index();
            if (index < 0 || index >= spaces.size(export.exportType())) {
                return new References(declared, "unknown " + export.exportType().name().toLowerCase(Locale.ROOT)
                        + " " + Integer.toUnsignedString(index) + ": export " + i + " names it");
            }
            if (export.exportType() == ExternalType.FUNCTION) {
                declared.set(index);
            }
        }
        Element[] elements = module.elementSection().elements();
        for (int i = 0; i < elements.length; i++) {
            for (var initializer : elements[i].initializers()) {
                String problem = declare(initializer, spaces, declared, "element segment ", i);
                if (problem != null) {
                    return new References(declared, problem);
                }
            }
        }
        var globals = module.globalSection();
        for (int i = 0; i < globals.globalCount(); i++) {
            String problem = declare(globals.getGlobal(i).initInstructions(), spaces, declared, "global ", i);
            if (problem != null) {
                return new References(declared, problem);
            }
        }
        var tables = module.tableSection();
        for (int i = 0; i < tables.tableCount(); i++) {
            String problem = declare(tables.getTable(i).initialize(), spaces, declared, "table ", i);
            if (problem != null) {
                return new References(declared, problem);
            }
        }
        return new References(declared, null);
    }

    /** Declares the functions {@code expression} (of {@code owner} {@code index}) references; a problem when one is unknown. */
    private static String declare(
            List<? extends Instruction> expression, IndexSpaces spaces, BitSet declared, String owner, int index) {
        for (var instruction : expression) {
            if (instruction.opcode() == OpCode.REF_FUNC) {
                long function = instruction.operand(0);
                if (function >= spaces.functions()) {
                    return "unknown function " + function + ": " + owner + index + " names it";
                }
                declared.set((int) function);
            }
        }
        return null;
    }
}
