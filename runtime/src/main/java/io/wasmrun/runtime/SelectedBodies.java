package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.SectionId;
import io.wasmrun.runtime.validate.ByteCursor;
import io.wasmrun.runtime.validate.Leb;
import io.wasmrun.runtime.validate.Sections;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Decodes the bodies of a few functions of a module, not the others: on a compile-cache hit, the
 * functions its classes leave to Chicory's interpreter (too large for a JVM method) are the only
 * bodies the run may need. It copies the module's type section and those bodies into a small
 * module of its own and hands that to Chicory's parser, so the cost follows the bodies chosen,
 * not the module's size (a 30 MB program with 25 such functions: 1.3 MB of code decoded).
 */
final class SelectedBodies {
    private static final int HEADER_SIZE = 8;

    private SelectedBodies() {}

    /**
     * The bodies of the defined functions {@code indices} (counted from the first defined
     * function, not the imports) of the module {@code bytes}.
     *
     * @throws RuntimeException when the bytes do not hold those bodies, as Chicory's parser does
     */
    static Map<Integer, FunctionBody> decode(byte[] bytes, SortedSet<Integer> indices) {
        Sections sections = Sections.of(bytes);
        if (sections == null) {
            throw new IllegalArgumentException("the module has no type and code sections");
        }
        var module = new ByteArrayOutputStream();
        module.write(bytes, 0, HEADER_SIZE);
        module.write(bytes, sections.typeHeader(), sections.typeEnd() - sections.typeHeader());
        byte[] selected = selectedCode(bytes, new ByteCursor(bytes, sections.codeStart()), indices);
        module.write(SectionId.CODE);
        Leb.unsigned(module, selected.length);
        module.writeBytes(selected);
        CodeSection[] found = new CodeSection[1];
        Parser.builder()
                .includeSectionId(SectionId.TYPE)
                .includeSectionId(SectionId.CODE)
                .withValidation(false)
                .build()
                .parse(new ByteArrayInputStream(module.toByteArray()), section -> {
                    if (section instanceof CodeSection code) {
                        found[0] = code;
                    }
                });
        var bodies = new HashMap<Integer, FunctionBody>();
        List<Integer> order = List.copyOf(indices);
        FunctionBody[] decoded = found[0] == null ? new FunctionBody[0] : found[0].functionBodies();
        if (decoded.length != order.size()) {
            throw new IllegalArgumentException("the module has no function " + order.get(order.size() - 1));
        }
        for (int i = 0; i < decoded.length; i++) {
            bodies.put(order.get(i), decoded[i]);
        }
        return bodies;
    }

    /** A code section's contents holding only the bodies {@code indices}, in their order. */
    private static byte[] selectedCode(byte[] bytes, ByteCursor cursor, SortedSet<Integer> indices) {
        long count = cursor.u32();
        var code = new ByteArrayOutputStream();
        Leb.unsigned(code, indices.size());
        for (int i = 0; i < count; i++) {
            int sizeAt = cursor.position();
            int size = Math.toIntExact(cursor.u32());
            int bodyEnd = Math.addExact(cursor.position(), size);
            if (indices.contains(i)) {
                code.write(bytes, sizeAt, bodyEnd - sizeAt);
            }
            cursor.seek(bodyEnd);
        }
        return code.toByteArray();
    }
}
