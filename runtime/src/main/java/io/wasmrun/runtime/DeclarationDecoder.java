package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.CustomSection;
import com.dylibso.chicory.wasm.types.DataCountSection;
import com.dylibso.chicory.wasm.types.DataSection;
import com.dylibso.chicory.wasm.types.ElementSection;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionSection;
import com.dylibso.chicory.wasm.types.GlobalSection;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.Section;
import com.dylibso.chicory.wasm.types.SectionId;
import com.dylibso.chicory.wasm.types.StartSection;
import com.dylibso.chicory.wasm.types.TableSection;
import com.dylibso.chicory.wasm.types.TagSection;
import com.dylibso.chicory.wasm.types.TypeSection;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * Decodes what a module declares (types, imports, exports, memories, tables, globals, elements,
 * data, names) but not its function bodies, and does not validate it: for a module whose compiled
 * classes were found in the compile cache. Such classes exist only for bytes that were decoded and
 * validated in full before (the cache key is the bytes' digest with Chicory's and wasmrun's code
 * generation versions), and they never look at the bodies, which are most of the decoding time
 * of a C program in a fresh JVM (25 KB of code: about 25 ms).
 *
 * <p>The module's code section holds one empty body per function, so its function and code
 * sections still agree; nothing may interpret it.
 */
final class DeclarationDecoder {
    private static final int[] DECLARATION_SECTIONS = {
        SectionId.CUSTOM, SectionId.TYPE, SectionId.IMPORT, SectionId.FUNCTION, SectionId.TABLE,
        SectionId.MEMORY, SectionId.GLOBAL, SectionId.EXPORT, SectionId.START, SectionId.ELEMENT,
        SectionId.DATA, SectionId.DATA_COUNT, SectionId.TAG
    };
    private static final FunctionBody NO_BODY = new FunctionBody(List.of(), List.of());

    private DeclarationDecoder() {}

    /**
     * The module's declarations, with {@code digest} recorded as its digest.
     *
     * @throws RuntimeException as Chicory's parser does for bytes it cannot decode
     */
    static WasmModule decode(byte[] bytes, String digest) {
        var parser = Parser.builder();
        for (int id : DECLARATION_SECTIONS) {
            parser.includeSectionId(id);
        }
        var module = WasmModule.builder().withValidation(false).withDigest(digest);
        var code = CodeSection.builder();
        parser.withValidation(false).build().parse(new ByteArrayInputStream(bytes), section -> {
            add(module, section);
            if (section instanceof FunctionSection functions) {
                for (int i = 0; i < functions.functionCount(); i++) {
                    code.addFunctionBody(NO_BODY);
                }
            }
        });
        return module.setCodeSection(code.build()).build();
    }

    private static void add(WasmModule.Builder module, Section section) {
        switch (section.sectionId()) {
            case SectionId.CUSTOM -> {
                var custom = (CustomSection) section;
                module.addCustomSection(custom.name(), custom);
            }
            case SectionId.TYPE -> module.setTypeSection((TypeSection) section);
            case SectionId.IMPORT -> module.setImportSection((ImportSection) section);
            case SectionId.FUNCTION -> module.setFunctionSection((FunctionSection) section);
            case SectionId.TABLE -> module.setTableSection((TableSection) section);
            case SectionId.MEMORY -> module.setMemorySection((MemorySection) section);
            case SectionId.GLOBAL -> module.setGlobalSection((GlobalSection) section);
            case SectionId.EXPORT -> module.setExportSection((ExportSection) section);
            case SectionId.START -> module.setStartSection((StartSection) section);
            case SectionId.ELEMENT -> module.setElementSection((ElementSection) section);
            case SectionId.DATA -> module.setDataSection((DataSection) section);
            case SectionId.DATA_COUNT -> module.setDataCountSection((DataCountSection) section);
            case SectionId.TAG -> module.setTagSection((TagSection) section);
            default -> module.addIgnoredSection(section.sectionId());
        }
    }
}
