package io.wasmrun.runtime.validate;

import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Instruction;
import java.util.BitSet;
import java.util.List;

/**
 * What Chicory 1.7.5 misses in function bodies, in one pass over its decoded instructions: a body
 * must close its own block exactly at its last instruction (Chicory loads {@code block end}
 * without the function's {@code end}); {@code table.size} must name a table; {@code ref.func}
 * must name a declared function (Chicory checks only a function's reference to itself, against
 * declarative segments only). A malformed body wins over an invalid one found earlier, as it
 * would in a decoder that validates after decoding.
 */
final class BodyChecks {
    private BodyChecks() {}

    /**
     * Why the first invalid body is invalid ("unknown table N: ...", "undeclared function
     * reference: ..."), or null.
     *
     * @throws MalformedException for the first body that does not end where its block closes
     */
    static String check(WasmModule module, IndexSpaces spaces, BitSet declared) {
        int imported = spaces.functions() - module.functionSection().functionCount();
        String invalid = null;
        var code = module.codeSection();
        for (int i = 0; i < code.functionBodyCount(); i++) {
            int function = imported + i;
            List<? extends Instruction> instructions = code.getFunctionBody(i).instructions();
            int depth = 1;
            int last = instructions.size() - 1;
            for (int at = 0; at <= last; at++) {
                var instruction = instructions.get(at);
                switch (instruction.opcode()) {
                    case BLOCK, LOOP, IF, TRY_TABLE -> depth++;
                    case END -> {
                        depth--;
                        if (depth == 0 && at != last) {
                            throw new MalformedException("section size mismatch: the body of function "
                                    + function + " goes on after the `end` that closes it");
                        }
                    }
                    case TABLE_SIZE -> {
                        long table = instruction.operand(0);
                        if (invalid == null && table >= spaces.tables()) {
                            invalid = "unknown table " + table + ": table.size in function " + function;
                        }
                    }
                    case REF_FUNC -> {
                        long target = instruction.operand(0);
                        if (invalid == null && target < spaces.functions() && !declared.get((int) target)) {
                            invalid = "undeclared function reference: ref.func " + target + " in function "
                                    + function + " (no export, element segment or initializer declares it)";
                        }
                    }
                    default -> {}
                }
            }
            if (depth != 0) {
                throw new MalformedException("END opcode expected: the body of function " + function
                        + " ends inside a block");
            }
        }
        return invalid;
    }
}
