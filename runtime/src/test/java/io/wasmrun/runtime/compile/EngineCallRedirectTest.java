package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.text.Wat;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The compiled classes call wasmrun's table bulk operations and effective-address helper, never
 * Chicory's 32-bit versions.
 */
class EngineCallRedirectTest {
    private static final String MODULE =
            """
            (module
              (memory 1)
              (table $t 4 funcref)
              (elem $e func $f)
              (func $f)
              (func (export "bulk") (param i32)
                (table.init $t $e (local.get 0) (i32.const 0) (i32.const 1))
                (table.copy (local.get 0) (i32.const 0) (i32.const 1))
                (table.fill $t (local.get 0) (ref.null func) (i32.const 1)))
              (func (export "load") (param i32) (result i32) (i32.load offset=4 (local.get 0))))
            """;

    @Test
    void tableBulkOperationsAndAddressesGoToWasmrunsHelpers() {
        var module = Parser.parse(Wat.toBinary(MODULE, "bulk.wat"));
        Set<String> calls = new TreeSet<>();
        new ModuleCompiler(CompileCache.NONE).compile(module).classes().values().forEach(bytes -> calls.addAll(staticCalls(bytes)));

        assertTrue(calls.contains("io/wasmrun/runtime/engine/TableOps.init"), calls.toString());
        assertTrue(calls.contains("io/wasmrun/runtime/engine/TableOps.copy"), calls.toString());
        assertTrue(calls.contains("io/wasmrun/runtime/engine/TableOps.fill"), calls.toString());
        assertTrue(calls.contains("io/wasmrun/runtime/engine/CompiledAddresses.effectiveAddress"), calls.toString());
        assertEquals(
                Set.of(),
                calls.stream()
                        .filter(c -> c.matches("com/dylibso/chicory/runtime/OpcodeImpl\\.TABLE_(INIT|COPY|FILL)") || c.endsWith(".getAddr"))
                        .collect(java.util.stream.Collectors.toSet()));
    }

    private static Set<String> staticCalls(byte[] classFile) {
        Set<String> calls = new TreeSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String descriptor, boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC) {
                            calls.add(owner + "." + method);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }
}
