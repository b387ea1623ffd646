package io.wasmrun.spectest.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * V8 as the oracle: one long-lived node process running {@code oracle.mjs}, which reads a module
 * path per line and answers with a JSON line per module. A module that takes longer than the
 * timeout gets the process killed and a new one started, and a {@link Event.Stopped} trace.
 * Every {@value #MODULES_PER_PROCESS} modules the process is replaced: one process grew to 1.9 GB
 * over 67,000 modules and the campaign ran at 40% of its starting speed.
 */
final class NodeOracle implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000eof";
    static final int MODULES_PER_PROCESS = 2000;

    private final String node;
    private final Path script;
    private final Duration timeout;
    private Process process;
    private BufferedWriter requests;
    private BlockingQueue<String> answers;
    private int modulesRun;

    NodeOracle(String node, Path script, Duration timeout) {
        this.node = node;
        this.script = script;
        this.timeout = timeout;
    }

    /** Copies {@code oracle.mjs} out of the jar into {@code dir} and returns its path. */
    static Path extractScript(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("oracle.mjs");
        try (InputStream in = NodeOracle.class.getResourceAsStream("oracle.mjs")) {
            if (in == null) {
                throw new IOException("oracle.mjs is missing from the class path");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The node version, or null when {@code node} cannot run. */
    static String version(String node) {
        try {
            Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void start() throws IOException {
        process = new ProcessBuilder(List.of(node, "--experimental-wasm-type-reflection", "--no-warnings", script.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(4);
        answers = queue;
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    queue.put(line);
                }
            } catch (IOException | InterruptedException e) {
                // the process went away
            }
            try {
                queue.put(EOF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fuzz-node-reader");
        pump.setDaemon(true);
        pump.start();
    }

    /** Runs the module at {@code path} in V8, with the memory's state after traps and at the end when asked. */
    Trace run(Path path, boolean memory) throws IOException, InterruptedException {
        if (process != null && modulesRun >= MODULES_PER_PROCESS) {
            close();
        }
        if (process == null || !process.isAlive()) {
            start();
            modulesRun = 0;
        }
        modulesRun++;
        requests.write(JSON.writeValueAsString(Map.of("path", path.toAbsolutePath().toString(), "memory", memory)));
        requests.newLine();
        requests.flush();
        String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            kill();
            return Trace.of(new Event.Stopped("timeout: V8 took more than " + timeout.toSeconds() + " s"));
        }
        if (line.equals(EOF)) {
            kill();
            return Trace.of(new Event.Stopped("the node process exited"));
        }
        return Trace.parseV8(line);
    }

    private void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                requests.close();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException e) {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
            process = null;
        }
    }
}
