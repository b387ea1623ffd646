package io.wasmrun.spectest.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs binaryen's and wabt's command-line tools for reports. */
final class Tools {
    private Tools() {}

    /** Whether {@code command --version} runs. */
    static boolean available(String command) {
        return run(List.of(command, "--version"), null, 10) != null;
    }

    /** The command's output (stdout and stderr), or null when it cannot run or fails. */
    static String run(List<String> command, Path dir, int timeoutSeconds) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process p = builder.start();
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            reader.join(5000);
            String text = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The module as text: wabt's wasm2wat when it is installed, else binaryen's printer. */
    static String wat(Path module, String wasmOpt, List<String> features) {
        String text = run(List.of("wasm2wat", "--enable-all", module.toString()), null, 60);
        if (text != null) {
            return text;
        }
        var command = new java.util.ArrayList<>(List.of(wasmOpt, module.toString(), "--print"));
        command.addAll(features);
        return run(command, null, 60);
    }

    /** What binaryen's own interpreter makes of the module (wasm-opt --fuzz-exec-before). */
    static String binaryenInterpreter(Path module, String wasmOpt, List<String> features) {
        var command = new java.util.ArrayList<>(List.of(wasmOpt, module.toString(), "--fuzz-exec-before", "-q"));
        command.addAll(features);
        String out = run(command, null, 60);
        return out == null ? "(wasm-opt --fuzz-exec-before failed or timed out)\n" : out;
    }
}
