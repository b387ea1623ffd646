package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.LoadedModule;
import io.wasmrun.runtime.WasmInstance;
import io.wasmrun.runtime.WasmRuntime;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every module of the wasm-2.0 spec suite (converted by {@code wast2json}): Chicory's classes,
 * rewritten by {@link ClassRewriter}, must load (the JVM verifies each one); modules without imports
 * also run every {@code assert_return} invocation on the rewritten classes and on Chicory's
 * interpreter, and the two must agree. Run twice: as wasmrun rewrites, and with every helper call
 * in a loop made a call site ({@link HelperCallRewrite.Limits#EVERY_LOOP}), since the spec
 * modules' functions are too small for the default limits. A third run interprets every function:
 * classes that leave all of them to the interpreter are put in a compile cache, and each module is
 * loaded from it, so every body is decoded when first called ({@code LazyFunctionBodies}).
 */
class SpecModulesRewriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which helper calls the rewriter makes call sites. */
    enum Sites {
        DEFAULT(HelperCallRewrite.Limits.DEFAULT),
        EVERY_LOOP(HelperCallRewrite.Limits.EVERY_LOOP);

        final HelperCallRewrite.Limits limits;

        Sites(HelperCallRewrite.Limits limits) {
            this.limits = limits;
        }
    }

    /** Makes the instance whose calls are compared with the interpreter's; null to skip the module. */
    private interface Compiled {
        Instance instantiate(Path file, WasmModule module, ClassJar rewritten, Function<Instance, Machine> factory)
                throws IOException;
    }

    private int modules;
    private int rewrittenClasses;
    private int invocations;
    private int callSites;
    private final List<String> mismatches = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(Sites.class)
    void everySpecModuleLoadsAndRunsRewritten(Sites sites) throws Exception {
        List<Path> wasts = specScripts();
        Path out = Path.of("target", "spec-json");
        var rewriter = new ClassRewriter(com.dylibso.chicory.runtime.Machine.class.getClassLoader(), sites.limits);
        for (Path wast : wasts) {
            Path json = convert(wast, out);
            if (json != null) {
                runScript(json, (module, original) -> original.map(rewriter::rewrite), (file, module, rewritten, factory) ->
                        instantiate(Instance.builder(module).withMachineFactory(factory)));
            }
        }
        System.out.printf(
                "%s: spec modules loaded: %d, classes rewritten: %d, helper call sites: %d, invocations compared: %d%n",
                sites, modules, rewrittenClasses, callSites, invocations);
        if (sites == Sites.EVERY_LOOP) {
            // few spec functions load or store in a loop: 91 sites when this was written
            assertTrue(callSites > 50, "only " + callSites + " helper call sites");
        }
        assertTrue(modules > 1000, "only " + modules + " modules loaded");
        assertTrue(rewrittenClasses > 0, "no class needed rewriting: the suite should have loops with parameters");
        assertTrue(invocations > 10_000, "only " + invocations + " invocations compared");
        assertEquals(List.of(), mismatches);
    }

    /** The {@code invokedynamic} sites bound to {@code HelperCallSites} in a class. */
    private static int callSites(byte[] classFile) {
        int[] sites = {0};
        new org.objectweb.asm.ClassReader(classFile).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String method, String descriptor, org.objectweb.asm.Handle bootstrap, Object... arguments) {
                        if (bootstrap.getOwner().equals("io/wasmrun/runtime/engine/HelperCallSites")) {
                            sites[0]++;
                        }
                    }
                };
            }
        }, 0);
        return sites[0];
    }

    @Test
    void everySpecModuleRunsInterpretedFromACacheHit(@TempDir Path cacheDir) throws Exception {
        List<Path> wasts = specScripts();
        var rewriter = ClassRewriter.forChicory();
        var cache = new DiskCompileCache(cacheDir);
        var opened = new ArrayList<WasmInstance>();
        int[] bodiesLeft = {0};
        try (var runtime = WasmRuntime.builder()
                .withStrategy(Strategy.COMPILER)
                .withCompileCache(cache)
                .skipBodiesOnCacheHit(true)
                .build()) {
            Compiled fromCache = (file, module, rewritten, factory) -> {
                byte[] bytes = Files.readAllBytes(file);
                cache.put(CacheKey.of(bytes), rewritten.toBytes());
                try {
                    LoadedModule loaded = runtime.load(file.getFileName().toString(), bytes);
                    if (Arrays.stream(loaded.wasm().codeSection().functionBodies()).allMatch(b -> b.instructions().isEmpty())) {
                        bodiesLeft[0]++;
                    }
                    WasmInstance instance = runtime.instantiate(loaded, new Linker());
                    opened.add(instance);
                    return instance.chicory();
                } catch (RuntimeException e) {
                    return null;
                }
            };
            for (Path wast : wasts) {
                Path json = convert(wast, Path.of("target", "spec-json"));
                if (json != null) {
                    runScript(json, (module, original) -> DispatchSplit.apply(
                            ChicoryCodegen.generate(module, allFunctions(module)).map(rewriter::rewrite)), fromCache);
                    opened.forEach(WasmInstance::close);
                    opened.clear();
                }
            }
        }
        System.out.printf("every function interpreted: modules %d (all bodies left for the first call: %d), invocations compared: %d%n",
                modules, bodiesLeft[0], invocations);
        assertTrue(modules > 1000, "only " + modules + " modules loaded");
        assertTrue(bodiesLeft[0] > 1000, "only " + bodiesLeft[0] + " modules were loaded without their bodies");
        assertTrue(invocations > 10_000, "only " + invocations + " invocations compared");
        assertEquals(List.of(), mismatches);
    }

    /** The wasm-2.0 spec suite's scripts; the test is skipped without the suite or {@code wast2json}. */
    private static List<Path> specScripts() throws IOException {
        Path suite = Path.of(System.getProperty("wasm.testsuite", "../../shared/wasm-testsuite"), "wasm-2.0");
        assumeTrue(Files.isDirectory(suite), "no spec suite at " + suite.toAbsolutePath());
        assumeTrue(hasWast2Json(), "wast2json is not installed");
        try (Stream<Path> files = Files.list(suite)) {
            return files.filter(f -> f.toString().endsWith(".wast")).sorted().toList();
        }
    }

    private static Set<Integer> allFunctions(WasmModule module) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        var all = new HashSet<Integer>();
        for (int i = 0; i < module.functionSection().functionCount(); i++) {
            all.add(imported + i);
        }
        return all;
    }

    private void runScript(Path json, BiFunction<WasmModule, ClassJar, ClassJar> classes, Compiled compiledInstance)
            throws IOException {
        Instance compiled = null;
        Instance interpreted = null;
        for (JsonNode command : JSON.readTree(json.toFile()).get("commands")) {
            switch (command.get("type").asText()) {
                case "module" -> {
                    compiled = null;
                    interpreted = null;
                    WasmModule module = parse(json.resolveSibling(command.get("filename").asText()));
                    if (module == null) {
                        continue;
                    }
                    ClassJar original = generate(module);
                    if (original == null) {
                        continue;
                    }
                    ClassJar rewritten = classes.apply(module, original);
                    for (var name : rewritten.classes().keySet()) {
                        if (original.classes().get(name) != rewritten.classes().get(name)) {
                            rewrittenClasses++;
                            callSites += callSites(rewritten.classes().get(name));
                        }
                    }
                    var factory = ModuleCompiler.load(module, rewritten.toBytes());
                    modules++;
                    if (module.importSection().importCount() == 0) {
                        Path file = json.resolveSibling(command.get("filename").asText());
                        compiled = compiledInstance.instantiate(file, module, rewritten, factory);
                        interpreted = instantiate(Instance.builder(module).withMachineFactory(InterpreterMachine::new));
                    }
                }
                case "assert_return", "action" -> {
                    if (compiled != null && interpreted != null) {
                        compare(json, command, compiled, interpreted);
                    }
                }
                default -> {}
            }
        }
    }

    private void compare(Path json, JsonNode command, Instance compiled, Instance interpreted) {
        JsonNode action = command.get("action");
        if (!action.get("type").asText().equals("invoke") || action.has("module")) {
            return;
        }
        String field = action.get("field").asText();
        long[] args = new long[action.get("args").size()];
        for (int i = 0; i < args.length; i++) {
            JsonNode arg = action.get("args").get(i);
            if (!isNumber(arg.get("type").asText()) || !arg.has("value")) {
                return;
            }
            args[i] = Long.parseUnsignedLong(arg.get("value").asText());
        }
        var exports = compiled.module().exportSection();
        FunctionType type = null;
        for (int i = 0; i < exports.exportCount(); i++) {
            var e = exports.getExport(i);
            if (e.name().equals(field) && e.exportType() == ExternalType.FUNCTION) {
                type = compiled.type(compiled.functionType(e.index()));
            }
        }
        if (type == null || type.returns().stream().anyMatch(t -> !isNumber(t))) {
            return;
        }
        String fromCompiled = outcome(compiled, field, args, type);
        String fromInterpreter = outcome(interpreted, field, args, type);
        invocations++;
        if (!fromCompiled.equals(fromInterpreter)) {
            mismatches.add(json.getFileName() + ":" + command.get("line") + " " + field + Arrays.toString(args)
                    + " compiled " + fromCompiled + ", interpreted " + fromInterpreter);
        }
    }

    private static String outcome(Instance instance, String field, long[] args, FunctionType type) {
        try {
            long[] results = instance.export(field).apply(args);
            var text = new StringBuilder();
            for (int i = 0; i < type.returns().size(); i++) {
                text.append(canonical(results[i], type.returns().get(i))).append(' ');
            }
            return text.toString();
        } catch (RuntimeException | StackOverflowError e) {
            return "trap";
        }
    }

    /** NaN payloads may differ between engines; every other value compares by its bits. */
    private static String canonical(long bits, ValType type) {
        if (type.equals(ValType.F32) && Float.isNaN(Float.intBitsToFloat((int) bits))) {
            return "nan:f32";
        }
        if (type.equals(ValType.F64) && Double.isNaN(Double.longBitsToDouble(bits))) {
            return "nan:f64";
        }
        return Long.toHexString(type.equals(ValType.I32) || type.equals(ValType.F32) ? bits & 0xffffffffL : bits);
    }

    private static boolean isNumber(String type) {
        return type.equals("i32") || type.equals("i64") || type.equals("f32") || type.equals("f64");
    }

    private static boolean isNumber(ValType type) {
        return type.equals(ValType.I32) || type.equals(ValType.I64) || type.equals(ValType.F32) || type.equals(ValType.F64);
    }

    private static Instance instantiate(Instance.Builder builder) {
        try {
            return builder.build();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Chicory's classes, or null for what its compiler does not support (e.g. SIMD). */
    private static ClassJar generate(WasmModule module) {
        try {
            return ChicoryCodegen.generate(module);
        } catch (ChicoryException | IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static WasmModule parse(Path file) {
        try {
            return Parser.parse(file);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Path convert(Path wast, Path out) throws IOException, InterruptedException {
        String name = wast.getFileName().toString().replace(".wast", "");
        Path dir = out.resolve(name);
        Path json = dir.resolve(name + ".json");
        if (Files.exists(json) && Files.getLastModifiedTime(json).compareTo(Files.getLastModifiedTime(wast)) > 0) {
            return json;
        }
        Files.createDirectories(dir);
        Process process =
                new ProcessBuilder("wast2json", wast.toAbsolutePath().toString(), "-o", json.toAbsolutePath().toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        return process.waitFor() == 0 ? json : null;
    }

    private static boolean hasWast2Json() {
        try {
            return new ProcessBuilder("wast2json", "--version").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
