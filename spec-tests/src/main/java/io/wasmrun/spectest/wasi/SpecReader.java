package io.wasmrun.spectest.wasi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a test's JSON specification ({@code doc/specification.md} of wasi-testsuite) with the
 * reference runner's rules: a file with {@code operations}, {@code proposals} or {@code servers}
 * is in the operation-based form, any other in the legacy form, which becomes {@code run}, a
 * {@code read} of {@code stdout} and of {@code stderr} when given, and {@code wait}; absent
 * fields take their defaults; the two forms' keys must not be mixed; and the operations must be
 * in an order that can run (a {@code read} or {@code write} while a process runs, a {@code wait}
 * for every {@code run}).
 */
final class SpecReader {
    private static final Set<String> LEGACY_KEYS = Set.of("args", "root", "env", "exit_code", "stdout", "stderr");
    private static final Set<String> OPERATION_KEYS = Set.of("operations", "proposals", "world", "servers");
    private static final Set<String> UNSUPPORTED_OPERATIONS = Set.of("connect", "send", "recv", "request", "kill");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpecReader() {}

    /** The specification of the test module {@code wasm}: its {@code .json} beside it, or the default. */
    static TestSpec forModule(Path wasm) throws IOException, SpecException {
        Path json = specFile(wasm);
        return Files.isRegularFile(json) ? read(json) : TestSpec.DEFAULT;
    }

    /** {@code foo.json} for {@code foo.wasm}. */
    static Path specFile(Path wasm) {
        String name = wasm.getFileName().toString();
        return wasm.resolveSibling(name.substring(0, name.length() - ".wasm".length()) + ".json");
    }

    static TestSpec read(Path json) throws IOException, SpecException {
        try {
            return parse(Files.readString(json), json.toAbsolutePath().getParent());
        } catch (SpecException e) {
            throw new SpecException(json.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * Parses a specification.
     *
     * @param json the file's text
     * @param folder the test's folder, against which {@code root} is resolved
     */
    static TestSpec parse(String json, Path folder) throws SpecException {
        JsonNode config;
        try {
            config = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecException("not valid JSON: " + e.getOriginalMessage());
        }
        if (config == null || !config.isObject()) {
            throw new SpecException("the specification is not a JSON object");
        }
        boolean legacyKeys = false;
        boolean operationKeys = false;
        for (var field : config.properties()) {
            String name = field.getKey();
            legacyKeys |= LEGACY_KEYS.contains(name);
            operationKeys |= OPERATION_KEYS.contains(name);
        }
        if (legacyKeys && operationKeys) {
            throw new SpecException("mixes legacy fields (" + LEGACY_KEYS + ") with operation-based ones (" + OPERATION_KEYS + ")");
        }
        TestSpec spec = present(config, "operations") || present(config, "proposals") || present(config, "servers")
                ? operationBased(config, folder)
                : legacy(config, folder);
        validate(spec.operations());
        return spec;
    }

    private static TestSpec legacy(JsonNode config, Path folder) throws SpecException {
        List<Operation> operations = new ArrayList<>();
        operations.add(run(config, folder));
        for (String stream : List.of("stdout", "stderr")) {
            if (present(config, stream)) {
                operations.add(new Operation.Read(stream, string(config.get(stream), stream)));
            }
        }
        operations.add(waitFor(config));
        return new TestSpec(operations, List.of(), TestSpec.COMMAND_WORLD, 0);
    }

    private static TestSpec operationBased(JsonNode config, Path folder) throws SpecException {
        List<Operation> operations = new ArrayList<>();
        if (present(config, "operations")) {
            JsonNode list = config.get("operations");
            if (!list.isArray()) {
                throw new SpecException("`operations` is not a list");
            }
            for (JsonNode op : list) {
                operations.add(operation(op, folder));
            }
        } else {
            operations.addAll(TestSpec.DEFAULT.operations());
        }
        List<String> proposals = present(config, "proposals") ? strings(config.get("proposals"), "proposals") : List.of();
        String world = present(config, "world") ? string(config.get("world"), "world") : TestSpec.COMMAND_WORLD;
        int servers = 0;
        if (present(config, "servers")) {
            if (!config.get("servers").isArray()) {
                throw new SpecException("`servers` is not a list");
            }
            servers = config.get("servers").size();
        }
        return new TestSpec(operations, proposals, world, servers);
    }

    private static Operation operation(JsonNode op, Path folder) throws SpecException {
        if (!op.isObject()) {
            throw new SpecException("an operation is not a JSON object: " + op);
        }
        if (!present(op, "type")) {
            throw new SpecException("an operation has no `type`: " + op);
        }
        String type = string(op.get("type"), "type");
        return switch (type) {
            case "run" -> run(op, folder);
            case "wait" -> waitFor(op);
            case "read" -> new Operation.Read(optionalString(op, "id", "stdout"), optionalString(op, "payload", ""));
            case "write" -> new Operation.Write(optionalString(op, "id", "write"), optionalString(op, "payload", ""));
            default -> {
                if (UNSUPPORTED_OPERATIONS.contains(type)) {
                    yield new Operation.Unsupported(type);
                }
                throw new SpecException("unknown operation type `" + type + "`");
            }
        };
    }

    private static Operation.Run run(JsonNode config, Path folder) throws SpecException {
        List<String> args = present(config, "args") ? strings(config.get("args"), "args") : List.of();
        Map<String, String> env = new LinkedHashMap<>();
        if (present(config, "env")) {
            JsonNode node = config.get("env");
            if (!node.isObject()) {
                throw new SpecException("`env` is not an object");
            }
            for (var field : node.properties()) {
                if (!field.getValue().isTextual() && !field.getValue().isNumber()) {
                    throw new SpecException("`env` value of " + field.getKey() + " is not a string");
                }
                env.put(field.getKey(), field.getValue().asText());
            }
        }
        Optional<Path> root = Optional.empty();
        if (present(config, "root")) {
            String relative = string(config.get("root"), "root");
            // As the reference runner: an empty root means none.
            if (!relative.isEmpty()) {
                root = Optional.of(folder.resolve(relative).normalize());
            }
        }
        return new Operation.Run(args, env, root);
    }

    private static Operation.Wait waitFor(JsonNode config) throws SpecException {
        if (!present(config, "exit_code")) {
            return TestSpec.DEFAULT_WAIT;
        }
        JsonNode code = config.get("exit_code");
        if (!code.canConvertToInt() || !code.isIntegralNumber()) {
            throw new SpecException("`exit_code` is not an integer: " + code);
        }
        return new Operation.Wait(code.intValue());
    }

    /** Checks the order of the operations, as the reference runner's validator does. */
    private static void validate(List<Operation> operations) throws SpecException {
        boolean running = false;
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            String where = "operation " + (i + 1) + " (" + op.type() + ")";
            switch (op) {
                case Operation.Run run -> {
                    if (running) {
                        throw new SpecException(where + ": the previous run has no wait");
                    }
                    running = true;
                }
                case Operation.Wait wait -> {
                    if (!running) {
                        throw new SpecException(where + ": no process is running");
                    }
                    running = false;
                }
                case Operation.Read read -> {
                    if (!running) {
                        throw new SpecException(where + ": no process is running");
                    }
                    if (!read.stream().equals("stdout") && !read.stream().equals("stderr")) {
                        throw new SpecException(where + ": cannot read from `" + read.stream() + "` (stdout or stderr)");
                    }
                }
                case Operation.Write write -> {
                    if (!running) {
                        throw new SpecException(where + ": no process is running");
                    }
                    if (!write.stream().equals("stdin")) {
                        throw new SpecException(where + ": cannot write to `" + write.stream() + "` (stdin)");
                    }
                }
                case Operation.Unsupported unsupported -> {
                    if (!running) {
                        throw new SpecException(where + ": no process is running");
                    }
                }
            }
        }
        if (running) {
            throw new SpecException("a run has no wait");
        }
    }

    /** Whether {@code field} is there and not {@code null} (null means the default, as absent). */
    private static boolean present(JsonNode config, String field) {
        JsonNode value = config.get(field);
        return value != null && !value.isNull();
    }

    private static String optionalString(JsonNode config, String field, String fallback) throws SpecException {
        return present(config, field) ? string(config.get(field), field) : fallback;
    }

    private static String string(JsonNode value, String field) throws SpecException {
        if (!value.isTextual()) {
            throw new SpecException("`" + field + "` is not a string: " + value);
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode value, String field) throws SpecException {
        if (!value.isArray()) {
            throw new SpecException("`" + field + "` is not a list of strings: " + value);
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            strings.add(string(item, field + " item"));
        }
        return strings;
    }
}
