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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The encoded bodies of a few functions of a module, copied out of it with its type section, and
 * decoded on request: on a compile-cache hit, the functions its classes leave to Chicory's
 * interpreter (too large for a JVM method) are the only bodies the run may need. Decoding puts
 * the type section and the bodies asked for into a small module of its own and hands that to
 * Chicory's parser, so the cost follows the bodies, not the module's size (a 30 MB program with 25
 * such functions: 1.3 MB of code, which Chicory decodes into some 230 MB of objects).
 */
final class SelectedBodies {
    private static final int HEADER_SIZE = 8;

    /** The module's header and type section. */
    private final byte[] prefix;
    /** Each selected body with its size, by defined-function index. */
    private final Map<Integer, byte[]> encoded;

    private SelectedBodies(byte[] prefix, Map<Integer, byte[]> encoded) {
        this.prefix = prefix;
        this.encoded = encoded;
    }

    /**
     * The bodies of the defined functions {@code indices} (counted from the first defined
     * function, not the imports) of the module {@code bytes}, still encoded.
     *
     * @throws RuntimeException when the bytes do not hold those bodies
     */
    static SelectedBodies of(byte[] bytes, SortedSet<Integer> indices) {
        Sections sections = Sections.of(bytes);
        if (sections == null) {
            throw new IllegalArgumentException("the module has no type and code sections");
        }
        var prefix = new ByteArrayOutputStream();
        prefix.write(bytes, 0, HEADER_SIZE);
        prefix.write(bytes, sections.typeHeader(), sections.typeEnd() - sections.typeHeader());
        var encoded = new TreeMap<Integer, byte[]>();
        var cursor = new ByteCursor(bytes, sections.codeStart());
        long count = cursor.u32();
        for (int i = 0; i < count && encoded.size() < indices.size(); i++) {
            int sizeAt = cursor.position();
            int size = Math.toIntExact(cursor.u32());
            int bodyEnd = Math.addExact(cursor.position(), size);
            if (indices.contains(i)) {
                encoded.put(i, Arrays.copyOfRange(bytes, sizeAt, bodyEnd));
            }
            cursor.seek(bodyEnd);
        }
        if (encoded.size() != indices.size()) {
            throw new IllegalArgumentException("the module has no function " + indices.last());
        }
        return new SelectedBodies(prefix.toByteArray(), encoded);
    }

    /** Whether defined function {@code index} is one of the selected. */
    boolean has(int index) {
        return encoded.containsKey(index);
    }

    /** The body of the selected defined function {@code index}, decoded. */
    FunctionBody decode(int index) {
        return decode(List.of(index)).get(index);
    }

    /** Every selected body, decoded in one pass. */
    Map<Integer, FunctionBody> decodeAll() {
        return decode(encoded.keySet());
    }

    private Map<Integer, FunctionBody> decode(Collection<Integer> indices) {
        var code = new ByteArrayOutputStream();
        Leb.unsigned(code, indices.size());
        for (int index : indices) {
            code.writeBytes(encoded.get(index));
        }
        var module = new ByteArrayOutputStream();
        module.writeBytes(prefix);
        module.write(SectionId.CODE);
        Leb.unsigned(module, code.size());
        module.writeBytes(code.toByteArray());
        CodeSection[] found = new CodeSection[1];
        Parser.builder()
                .includeSectionId(SectionId.TYPE)
                .includeSectionId(SectionId.CODE)
                .withValidation(false)
                .build()
                .parse(new ByteArrayInputStream(module.toByteArray()), section -> {
                    if (section instanceof CodeSection codeSection) {
                        found[0] = codeSection;
                    }
                });
        FunctionBody[] decoded = found[0].functionBodies();
        var bodies = new HashMap<Integer, FunctionBody>();
        int i = 0;
        for (int index : indices) {
            bodies.put(index, decoded[i++]);
        }
        return bodies;
    }
}
