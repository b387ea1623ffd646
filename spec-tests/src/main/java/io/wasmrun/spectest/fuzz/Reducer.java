package io.wasmrun.spectest.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shrinks a saved failure with binaryen's {@code wasm-reduce}, keeping only reductions on which
 * the divergence still holds: same signature, in the first configuration that showed it.
 * wasm-reduce runs its command once per attempt, thousands of times, so the command is a few
 * lines of bash that hand the candidate to a check server in this JVM (loopback TCP) and print
 * its verdict, instead of starting a JVM and node each time.
 *
 * <p>Modules of {@link EdgeGenerator} use instructions binaryen 108 cannot read (table.init,
 * elem.drop), so they are reduced here instead, on their text: whole exported functions, then
 * single statements, are removed while the divergence holds.
 */
final class Reducer {
    private final FuzzOptions options;

    Reducer(FuzzOptions options) {
        this.options = options;
    }

    /** Reduces the failure in {@code dir}; returns a one-line summary. */
    String reduce(Path failure) throws IOException, InterruptedException {
        Path dir = failure.toAbsolutePath().normalize();
        FailureStore.Target target = FailureStore.Target.read(dir);
        Path work = dir.resolve("reduce");
        Files.createDirectories(work);
        Path input = work.resolve("input.wasm");
        // reducing again goes on from the last reduction (one stopped at --reduce-time, say)
        boolean again = Files.exists(dir.resolve("reduced.wasm")) && !Files.exists(dir.resolve("module.wat"));
        Files.copy(dir.resolve(again ? "reduced.wasm" : "module.wasm"), input, StandardCopyOption.REPLACE_EXISTING);
        Path test = work.resolve("test.wasm");
        Path best = work.resolve("work.wasm");
        Files.deleteIfExists(best);
        NodeOracle oracle = options.oracle().equals("node")
                ? new NodeOracle(options.node(), NodeOracle.extractScript(work), options.timeout())
                : null;
        // without V8 the reference is the campaign's first configuration
        List<FuzzConfiguration> configs = options.oracle().equals("node")
                ? List.of(target.configs().getFirst())
                : List.of(options.configs().getFirst(), target.configs().getFirst());
        try (Worker worker = new Worker(work.resolve("check"), oracle, configs, Duration.ofSeconds(20), options.nanRule());
                ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serve(server, worker, target), "fuzz-check-server");
            serving.setDaemon(true);
            serving.start();
            Path check = work.resolve("check.sh");
            Files.writeString(check,
                    "#!/usr/bin/env bash\n"
                            + "# Asks the check server of `scripts/fuzz` whether the divergence still holds on $1:\n"
                            + "# prints `same` and exits 1 when it does (what wasm-reduce must keep), else exits 0.\n"
                            + "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + " || exit 2\n"
                            + "printf '%s\\n' \"$(readlink -f \"$1\")\" >&3\n"
                            + "IFS= read -r verdict <&3\n"
                            + "echo \"$verdict\"\n"
                            + "[ \"$verdict\" = same ] && exit 1\n"
                            + "exit 0\n");
            String verdict = check(worker, target, input);
            if (!verdict.equals("same") && again) {
                Files.copy(dir.resolve("module.wasm"), input, StandardCopyOption.REPLACE_EXISTING);
                verdict = check(worker, target, input);
            }
            if (!verdict.equals("same")) {
                return "not reduced: the divergence does not reproduce on the saved module (" + verdict + ")";
            }
            if (Files.exists(dir.resolve("module.wat"))) {
                return reduceText(dir, work, worker, target);
            }
            List<String> command = new ArrayList<>(List.of(options.wasmReduce(), input.toString(), "--command", "bash " + check + " " + test,
                    "-t", test.toString(), "-w", best.toString(), "--timeout", "30", "-ef", String.join(" ", target.features())));
            Path bin = binaryenBin(options.wasmOpt());
            if (bin != null) {
                // wasm-reduce runs wasm-opt from its --binaries folder (by default, none)
                command.addAll(List.of("-b", bin.toString()));
            }
            Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("wasm-reduce.log").toFile()).start();
            long start = System.nanoTime();
            boolean finished = p.waitFor(options.reduceTime().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!Files.exists(best) || !check(worker, target, best).equals("same")) {
                return "not reduced: wasm-reduce left no module that still diverges (see " + work.resolve("wasm-reduce.log") + ")";
            }
            Path reduced = dir.resolve("reduced.wasm");
            if (Files.size(best) > Files.size(input)) {
                // binaryen's passes can grow a module; keep what we started from then
                Files.copy(input, best, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.copy(best, reduced, StandardCopyOption.REPLACE_EXISTING);
            String wat = Tools.wat(reduced, options.wasmOpt(), target.features());
            if (wat != null) {
                Files.writeString(dir.resolve("reduced.wat"), wat);
            }
            describeReduced(dir, reduced, target);
            return String.format("reduced %d -> %d bytes in %ds%s: %s", Files.size(input), Files.size(reduced), took.toSeconds(),
                    finished ? "" : " (stopped at --reduce-time)", reduced);
        } finally {
            Files.deleteIfExists(test);
        }
    }

    /** Removes functions and statements of an edge module's text while the divergence holds. */
    private String reduceText(Path dir, Path work, Worker worker, FailureStore.Target target) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.reduceTime().toNanos();
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("module.wat")));
        int before = Files.readAllBytes(dir.resolve("module.wasm")).length;
        Path candidate = work.resolve("candidate.wasm");
        boolean progress = true;
        int checks = 0;
        while (progress && System.nanoTime() < deadline) {
            progress = false;
            // whole exported functions first (from the last), then statements, then active segments
            List<int[]> pieces = new ArrayList<>();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("  (func (export ")) {
                    int end = i;
                    while (end < lines.size() && !lines.get(end).equals("  )")) {
                        end++;
                    }
                    pieces.add(new int[] {i, end + 1});
                }
            }
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.startsWith("    (") || line.startsWith("  (elem (i32.const") || line.startsWith("  (data (i32.const")) {
                    pieces.add(new int[] {i, i + 1});
                }
            }
            for (int[] piece : pieces) {
                if (System.nanoTime() >= deadline || piece[1] > lines.size()) {
                    break;
                }
                List<String> shorter = new ArrayList<>(lines.subList(0, piece[0]));
                shorter.addAll(lines.subList(piece[1], lines.size()));
                byte[] bytes;
                try {
                    bytes = io.wasmrun.text.Wat.toBinary(String.join("\n", shorter), "reduced.wat");
                } catch (RuntimeException e) {
                    continue;
                }
                Files.write(candidate, bytes);
                checks++;
                if (check(worker, target, candidate).equals("same")) {
                    lines = shorter;
                    progress = true;
                    break;
                }
            }
        }
        String text = String.join("\n", lines) + "\n";
        byte[] reduced = io.wasmrun.text.Wat.toBinary(text, "reduced.wat");
        Files.write(dir.resolve("reduced.wasm"), reduced);
        Files.writeString(dir.resolve("reduced.wat"), text);
        describeReduced(dir, dir.resolve("reduced.wasm"), target);
        return String.format("reduced %d -> %d bytes (text, %d checks) in %ds: %s", before, reduced.length, checks,
                Duration.ofNanos(System.nanoTime() - start).toSeconds(), dir.resolve("reduced.wat"));
    }

    /** The folder that holds {@code wasmOpt}, looked up on PATH when it is a bare name. */
    static Path binaryenBin(String wasmOpt) {
        if (wasmOpt.contains("/")) {
            Path parent = Path.of(wasmOpt).toAbsolutePath().getParent();
            return parent;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, wasmOpt))) {
                return Path.of(entry).toAbsolutePath();
            }
        }
        return null;
    }

    /** Writes how the reduced module runs everywhere, to {@code reduced.txt}. */
    private void describeReduced(Path dir, Path reduced, FailureStore.Target target) throws IOException, InterruptedException {
        NodeOracle oracle = options.oracle().equals("node") ? new NodeOracle(options.node(), NodeOracle.extractScript(dir.resolve("reduce")), options.timeout()) : null;
        try (Worker worker = new Worker(dir.resolve("reduce").resolve("all"), oracle, options.configs(), options.timeout(), options.nanRule())) {
            Evaluation e = worker.evaluate(reduced, Files.readAllBytes(reduced), target.compareMemory());
            var sb = new StringBuilder();
            sb.append("reduced module: ").append(reduced).append(" (").append(Files.size(reduced)).append(" bytes), reduced towards ")
                    .append(target.signature()).append(" in ").append(target.configs().getFirst().label()).append("\n\n");
            e.traces().keySet().forEach(c -> {
                List<Divergence> list = e.divergences().getOrDefault(c, List.of());
                sb.append(String.format("%-24s %s%n", c.label() + ":", list.isEmpty() ? "agrees" : String.join("; ",
                        list.stream().map(d -> d.signature() + ": " + d.description().lines().findFirst().orElse("")).toList())));
            });
            if (e.oracle() != null) {
                sb.append("\nV8:\n").append(e.oracle().describe());
            }
            e.traces().forEach((c, t) -> sb.append('\n').append(c.label()).append(":\n").append(t.describe()));
            sb.append("\nbinaryen's interpreter (wasm-opt --fuzz-exec-before):\n").append(Tools.binaryenInterpreter(reduced, options.wasmOpt(), target.features()));
            Files.writeString(dir.resolve("reduced.txt"), sb.toString());
        }
    }

    private void serve(ServerSocket server, Worker worker, FailureStore.Target target) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept();
                    var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                String verdict;
                try {
                    verdict = line == null ? "no path" : check(worker, target, Path.of(line));
                } catch (IOException | RuntimeException e) {
                    verdict = "error: " + e;
                }
                out.println(verdict);
            } catch (IOException e) {
                // closed, or the client went away
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {@code same} when {@code module} shows the target's divergence, otherwise what it shows. */
    private static synchronized String check(Worker worker, FailureStore.Target target, Path module) throws IOException, InterruptedException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(module);
        } catch (IOException e) {
            return "unreadable";
        }
        Evaluation e = worker.evaluate(module, bytes, target.compareMemory());
        FuzzConfiguration first = target.configs().getFirst();
        if (e.divergence(first, target.signature()) != null) {
            return "same";
        }
        List<Divergence> other = e.divergences().getOrDefault(first, List.of());
        return other.isEmpty() ? "agrees" : "other: " + other.getFirst().signature();
    }
}
