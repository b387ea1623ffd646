package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.CustomSection;
import com.dylibso.chicory.wasm.types.DataCountSection;
import com.dylibso.chicory.wasm.types.DataSection;
import com.dylibso.chicory.wasm.types.ElementSection;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
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
import io.wasmrun.runtime.engine.FunctionBodySource;
import io.wasmrun.runtime.engine.InstanceFunctionBodies;
import io.wasmrun.runtime.validate.Sections;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Decodes what a module declares (types, imports, exports, memories, tables, globals, elements,
 * data, names) but not its function bodies, and does not validate it: for a module whose compiled
 * classes were found in the compile cache. Such classes exist only for bytes that were decoded and
 * validated in full before (the cache key is the bytes' digest with Chicory's and wasmrun's code
 * generation versions), and they never look at the bodies, which are most of the decoding time
 * of a C program in a fresh JVM (25 KB of code: about 25 ms).
 *
 * <p>The module's code section holds one body per function, so its function and code sections
 * still agree. The bodies are empty: the functions the classes leave to Chicory's interpreter (too
 * large for a JVM method) get theirs when an instance first calls them ({@link
 * LazyFunctionBodies}); only where instances cannot take a body late are those decoded up front,
 * into the code section ({@link SelectedBodies}).
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
        return decode(bytes, digest, Set.of(), null).module();
    }

    /**
     * A module decoded without its function bodies, and where its interpreted functions' bodies
     * come from.
     *
     * @param module the declarations; its code section holds an empty body for every function
     *     whose body is not decoded
     * @param bodies supplies the interpreted functions' bodies when first called; null when they
     *     are in {@code module} (or there are none)
     */
    record Declarations(WasmModule module, FunctionBodySource bodies) {}

    /**
     * The module's declarations, with the functions {@code withBodies} (absolute indices: imports
     * first), which compiled classes leave to the interpreter, decoded when first called where
     * {@link InstanceFunctionBodies#writable() instances take bodies late}, else decoded now.
     *
     * @param complete decodes the whole module, for the rare run that needs every body
     * @throws RuntimeException as Chicory's parser does for bytes it cannot decode
     */
    static Declarations decode(byte[] bytes, String digest, Set<Integer> withBodies, Supplier<WasmModule> complete) {
        return decode(bytes, digest, withBodies, complete, InstanceFunctionBodies.writable());
    }

    /** Like {@link #decode(byte[], String, Set, Supplier)}, with the bodies decoded later only if {@code late}. */
    static Declarations decode(
            byte[] bytes, String digest, Set<Integer> withBodies, Supplier<WasmModule> complete, boolean late) {
        boolean lazy = late && !withBodies.isEmpty();
        var parser = Parser.builder();
        for (int id : DECLARATION_SECTIONS) {
            parser.includeSectionId(id);
        }
        var module = WasmModule.builder().withValidation(false).withDigest(digest);
        int[] imported = new int[1];
        int[] defined = new int[1];
        List<FutureTask<Map<Integer, FunctionBody>>> bodies = new ArrayList<>(1);
        parser.withValidation(false).build().parse(new ByteArrayInputStream(withoutCode(bytes)), section -> {
            add(module, section);
            if (section instanceof ImportSection imports) {
                imported[0] = imports.count(ExternalType.FUNCTION);
            } else if (section instanceof FunctionSection functions) {
                defined[0] = functions.functionCount();
                if (!withBodies.isEmpty() && !lazy) {
                    bodies.add(decodeInBackground(bytes, defined(withBodies, imported[0])));
                }
            }
        });
        Map<Integer, FunctionBody> decoded = bodies.isEmpty() ? Map.of() : join(bodies.get(0));
        var code = CodeSection.builder();
        for (int i = 0; i < defined[0]; i++) {
            code.addFunctionBody(decoded.getOrDefault(i, NO_BODY));
        }
        FunctionBodySource source = lazy
                ? new LazyFunctionBodies(SelectedBodies.of(bytes, defined(withBodies, imported[0])), imported[0], complete)
                : null;
        return new Declarations(module.setCodeSection(code.build()).build(), source);
    }

    /**
     * {@code bytes} without the code section, which is most of a module and which the parser would
     * otherwise copy along with the rest (yosys: 26 of 30 MB); the bytes themselves when they
     * have none.
     */
    private static byte[] withoutCode(byte[] bytes) {
        Sections sections = Sections.of(bytes);
        if (sections == null) {
            return bytes;
        }
        int header = sections.codeHeader();
        int end = sections.codeEnd();
        byte[] rest = new byte[bytes.length - (end - header)];
        System.arraycopy(bytes, 0, rest, 0, header);
        System.arraycopy(bytes, end, rest, header, bytes.length - end);
        return rest;
    }

    /** The defined-function indices of the functions {@code absolute}. */
    private static SortedSet<Integer> defined(Set<Integer> absolute, int imported) {
        var indices = new TreeSet<Integer>();
        for (int index : absolute) {
            indices.add(index - imported);
        }
        return indices;
    }

    /**
     * Starts decoding the bodies of the defined functions {@code selected} on a thread of its own,
     * so that it overlaps with decoding the sections after the function section (data, elements).
     */
    private static FutureTask<Map<Integer, FunctionBody>> decodeInBackground(byte[] bytes, SortedSet<Integer> selected) {
        var task = new FutureTask<>(() -> SelectedBodies.of(bytes, selected).decodeAll());
        Thread.ofPlatform().daemon().name("wasmrun-bodies").start(task);
        return task;
    }

    private static Map<Integer, FunctionBody> join(FutureTask<Map<Integer, FunctionBody>> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding function bodies", e);
        }
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
