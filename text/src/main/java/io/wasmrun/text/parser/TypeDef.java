package io.wasmrun.text.parser;

import io.wasmrun.text.encoder.ByteWriter;
import java.util.List;
import java.util.Map;

/**
 * One defined type: a function, struct or array composite type with its subtyping header. For
 * functions {@code params}/{@code results} are set; for structs and arrays {@code fields} (an
 * array has exactly one field).
 */
record TypeDef(
        int form,
        List<ValType> params,
        List<ValType> results,
        List<ValType> fieldTypes,
        List<Boolean> fieldMutable,
        Map<String, Integer> fieldNames,
        boolean isFinal,
        List<Integer> supers,
        boolean inRecGroup) {
    static final int FUNC = 0x60;
    static final int STRUCT = 0x5F;
    static final int ARRAY = 0x5E;

    static TypeDef func(List<ValType> params, List<ValType> results) {
        return new TypeDef(FUNC, params, results, List.of(), List.of(), Map.of(), true, List.of(), false);
    }

    boolean isFunc() {
        return form == FUNC;
    }

    /** Whether an implicit (inline) function type may reuse this definition. */
    boolean matchesImplicit(List<ValType> p, List<ValType> r) {
        return form == FUNC && isFinal && supers.isEmpty() && !inRecGroup && params.equals(p) && results.equals(r);
    }

    void write(ByteWriter out) {
        if (!isFinal || !supers.isEmpty()) {
            out.u8(isFinal ? 0x4F : 0x50);
            out.u32(supers.size());
            for (int s : supers) {
                out.u32(s);
            }
        }
        out.u8(form);
        switch (form) {
            case FUNC -> {
                writeTypes(out, params);
                writeTypes(out, results);
            }
            case STRUCT -> {
                out.u32(fieldTypes.size());
                for (int i = 0; i < fieldTypes.size(); i++) {
                    fieldTypes.get(i).write(out);
                    out.u8(fieldMutable.get(i) ? 1 : 0);
                }
            }
            default -> {
                fieldTypes.get(0).write(out);
                out.u8(fieldMutable.get(0) ? 1 : 0);
            }
        }
    }

    private static void writeTypes(ByteWriter out, List<ValType> types) {
        out.u32(types.size());
        for (ValType t : types) {
            t.write(out);
        }
    }
}
