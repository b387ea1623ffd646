package io.wasmrun.wast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON that wast2json writes for a script into {@link Command}s. */
public final class ScriptReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScriptReader() {}

    /**
     * Reads {@code json}, whose module files are in the same folder.
     *
     * @param source the {@code .wast} file the JSON was made from, for messages
     * @throws ScriptException when the JSON cannot be read or holds an unknown command
     */
    public static WastScript read(Path source, Path json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json.toFile());
        } catch (IOException e) {
            throw new ScriptException(source + ": cannot read wast2json output " + json + ": " + e.getMessage(), e);
        }
        JsonNode commands = root.path("commands");
        if (!commands.isArray()) {
            throw new ScriptException(source + ": wast2json output " + json + " has no commands");
        }
        Path directory = json.toAbsolutePath().getParent();
        List<Command> result = new ArrayList<>(commands.size());
        for (JsonNode command : commands) {
            result.add(command(source, directory, command));
        }
        return new WastScript(source, result);
    }

    private static Command command(Path source, Path directory, JsonNode node) {
        String type = node.path("type").asText();
        int line = node.path("line").asInt();
        return switch (type) {
            case "module" -> new Command.Module(line, optional(node, "name"), file(directory, node), false);
            case "register" -> new Command.Register(line, optional(node, "name"), node.path("as").asText());
            case "action" -> new Command.Perform(line, action(source, line, node.path("action")));
            case "assert_return" ->
                    new Command.AssertReturn(line, action(source, line, node.path("action")), expected(node));
            case "assert_trap" -> failure(source, line, Command.FailureKind.TRAP, node);
            case "assert_exhaustion" -> failure(source, line, Command.FailureKind.EXHAUSTION, node);
            case "assert_exception" -> failure(source, line, Command.FailureKind.EXCEPTION, node);
            case "assert_malformed" -> module(line, Command.ModuleKind.MALFORMED, directory, node);
            case "assert_invalid" -> module(line, Command.ModuleKind.INVALID, directory, node);
            case "assert_unlinkable" -> module(line, Command.ModuleKind.UNLINKABLE, directory, node);
            case "assert_uninstantiable" -> module(line, Command.ModuleKind.UNINSTANTIABLE, directory, node);
            default ->
                    throw new ScriptException(
                            source + ":" + line + ": unknown command `" + type + "` in wast2json output");
        };
    }

    private static Command failure(Path source, int line, Command.FailureKind kind, JsonNode node) {
        return new Command.AssertFailure(line, kind, action(source, line, node.path("action")), optional(node, "text"));
    }

    private static Command module(int line, Command.ModuleKind kind, Path directory, JsonNode node) {
        return new Command.AssertModule(line, kind, file(directory, node), optional(node, "text"));
    }

    private static ScriptModule file(Path directory, JsonNode node) {
        return new ScriptModule.File(directory.resolve(node.path("filename").asText()));
    }

    private static Action action(Path source, int line, JsonNode node) {
        Action.Kind kind =
                switch (node.path("type").asText()) {
                    case "invoke" -> Action.Kind.INVOKE;
                    case "get" -> Action.Kind.GET;
                    default ->
                            throw new ScriptException(
                                    source + ":" + line + ": unknown action `" + node.path("type").asText() + "`");
                };
        return new Action(kind, optional(node, "module"), node.path("field").asText(), values(node.path("args")));
    }

    /** The expected results; wast2json writes a single {@code (either ...)} result as {@code either}. */
    private static List<WastValue> expected(JsonNode node) {
        JsonNode either = node.get("either");
        return either != null ? List.of(WastValue.either(values(either))) : values(node.path("expected"));
    }

    private static List<WastValue> values(JsonNode array) {
        List<WastValue> values = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            values.add(value(node));
        }
        return values;
    }

    private static WastValue value(JsonNode node) {
        String type = node.path("type").asText();
        JsonNode text = node.get("value");
        if (text != null && text.isArray()) {
            List<String> lanes = new ArrayList<>(text.size());
            text.forEach(lane -> lanes.add(lane.asText()));
            return WastValue.vector(optional(node, "lane_type"), lanes);
        }
        return WastValue.of(type, text == null ? null : text.asText());
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
