package io.wasmrun.spectest.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Makes valid modules with binaryen's translate-to-fuzz: random bytes (sized like binaryen's
 * {@code fuzz_opt.py} does, around a mean) become a module with {@code wasm-opt -ttf}. The
 * modules import {@code fuzzing-support.log-{i32,i64,f32,f64}} (and {@code log-v128} with SIMD),
 * export their functions (and {@code hangLimitInitializer}, which resets the global that bounds
 * loops and recursion), and run deterministically. With {@code --denan} (always, or for half the
 * modules), binaryen instruments every float operation to replace NaN results by 0, as binaryen's
 * own fuzzer does before it compares VMs. Binaryen 108's --denan leaves SIMD alone, and V8 and
 * wasmrun choose NaN lanes' payloads differently (of two NaN operands of f64x2.add, V8 keeps the
 * first one's, wasmrun's compiled code often the second's), which integer SIMD instructions,
 * extracted lanes and stores carry on to logs, addresses and memory: with SIMD, the --denan module
 * is printed, de-NaN'd per f32x4 and f64x2 lane by {@link SimdDenan} and assembled again (left as
 * binaryen made it when that fails).
 */
final class TtfGenerator {
    private final String wasmOpt;
    private final Features features;
    private final String nans;
    private final int meanInputSize;

    TtfGenerator(String wasmOpt, Features features, String nans, int meanInputSize) {
        this.wasmOpt = wasmOpt;
        this.features = features;
        this.nans = nans;
        this.meanInputSize = meanInputSize;
    }

    /** The version line of wasm-opt, or null when it cannot run. */
    static String version(String wasmOpt) {
        try {
            Process p = new ProcessBuilder(wasmOpt, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The input size for {@code random}: mostly uniform around the mean, sometimes exponential. */
    int inputSize(SplittableRandom random) {
        int min = Math.min(1024, meanInputSize);
        int max = 5 * meanInputSize;
        if (random.nextDouble() < 0.25) {
            int size = (int) (-Math.log(1 - random.nextDouble()) * meanInputSize);
            if (size >= min && size <= max) {
                return size;
            }
        }
        return min + random.nextInt(Math.max(1, 2 * meanInputSize - 2 * min + 1));
    }

    /** Generates module {@code random} in {@code dir} (which it uses for the input bytes). */
    Generated generate(SplittableRandom random, Path dir) throws IOException, InterruptedException {
        boolean denan = nans.equals("denan") || (nans.equals("mixed") && random.nextBoolean());
        byte[] input = new byte[inputSize(random)];
        random.nextBytes(input);
        Files.write(dir.resolve("input.bin"), input);
        return translate(dir, input.length, denan);
    }

    /**
     * The last module generated in {@code dir} again, with binaryen's {@code --denan}: the same
     * code with every float result that is a NaN replaced by 0.
     */
    Generated denanVariant(Path dir) throws IOException, InterruptedException {
        return translate(dir, (int) Files.size(dir.resolve("input.bin")), true);
    }

    private Generated translate(Path dir, int inputSize, boolean denan) throws IOException, InterruptedException {
        Path in = dir.resolve("input.bin");
        Path out = dir.resolve("ttf.wasm");
        Files.deleteIfExists(out);
        List<String> command = new ArrayList<>(List.of(wasmOpt, "-ttf", in.toString(), "-o", out.toString()));
        command.addAll(features.flags());
        if (denan) {
            command.add("--denan");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wasm-opt -ttf took more than 60 s");
        }
        if (p.exitValue() != 0 || !Files.exists(out)) {
            throw new IOException("wasm-opt -ttf failed (exit " + p.exitValue() + "): " + log.strip());
        }
        boolean simdDenan = false;
        if (denan && features.names().contains("simd")) {
            simdDenan = denanSimd(dir, out);
        }
        String recipe = String.format("wasm-opt -ttf INPUT (%d random bytes) %s%s%s", inputSize, String.join(" ", features.flags()), denan ? " --denan" : "",
                simdDenan ? ", then SimdDenan on its text" : "");
        // without --denan, arithmetic NaNs (whose payload is the engine's choice) may be stored
        // or reinterpreted as integers
        return new Generated(Files.readAllBytes(out), "ttf", features.flags(), recipe, denan);
    }

    /**
     * Replaces the module at {@code module} by its {@link SimdDenan} form; false, leaving it as it
     * is, when it has nothing to de-NaN or binaryen cannot print or read it.
     */
    private boolean denanSimd(Path dir, Path module) throws IOException {
        Path printed = dir.resolve("denan.wat");
        Files.deleteIfExists(printed);
        var print = new ArrayList<>(List.of(wasmOpt, module.toString(), "-S", "-o", printed.toString()));
        print.addAll(features.flags());
        if (Tools.run(print, null, 60) == null || !Files.exists(printed)) {
            return false;
        }
        String text = Files.readString(printed);
        String denanned = SimdDenan.apply(text);
        if (denanned == null || denanned.equals(text)) {
            return false;
        }
        Path wat = dir.resolve("simd-denan.wat");
        Path wasm = dir.resolve("simd-denan.wasm");
        Files.writeString(wat, denanned);
        Files.deleteIfExists(wasm);
        var assemble = new ArrayList<>(List.of(wasmOpt, wat.toString(), "-o", wasm.toString()));
        assemble.addAll(features.flags());
        if (Tools.run(assemble, null, 60) == null || !Files.exists(wasm)) {
            return false;
        }
        Files.move(wasm, module, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
