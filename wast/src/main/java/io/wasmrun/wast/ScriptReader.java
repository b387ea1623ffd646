package io.wasmrun.wast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wasmrun.text.wast.WastAction;
import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastModule;
import io.wasmrun.text.wast.WastScript;
import io.wasmrun.text.wast.WastValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON that wast2json writes for a script, and the module files next to it, into the
 * model wasmrun's text parser makes ({@link WastScript}): names lose their {@code $}, every part
 * of a command has the command's line, and quoted text modules ({@code .wat}) are encoded when
 * they are loaded.
 */
public final class ScriptReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScriptReader() {}

    /**
     * Reads {@code json}, whose module files are in the same folder.
     *
     * @param source the {@code .wast} file the JSON was made from, for messages and module names
     * @throws ScriptException when the JSON or a module file cannot be read, or holds an unknown command
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
        var reader = new Commands(source, json.toAbsolutePath().getParent());
        List<WastCommand> result = new ArrayList<>(commands.size());
        for (JsonNode command : commands) {
            result.add(reader.command(command));
        }
        return new WastScript(reader.fileName, result);
    }

    /** Reads the commands of one script. */
    private static final class Commands {
        private final Path source;
        private final Path directory;
        private final String fileName;

        Commands(Path source, Path directory) {
            this.source = source;
            this.directory = directory;
            this.fileName = source.getFileName().toString();
        }

        WastCommand command(JsonNode node) {
            String type = node.path("type").asText();
            int line = node.path("line").asInt();
            return switch (type) {
                case "module" -> new WastCommand.ModuleCommand(line, module(line, name(node, "name"), node));
                case "register" -> new WastCommand.Register(line, node.path("as").asText(), name(node, "name"));
                case "action" -> new WastCommand.Action(line, action(line, node));
                case "assert_return" -> new WastCommand.AssertReturn(line, action(line, node), expected(node));
                case "assert_trap" -> new WastCommand.AssertTrap(line, action(line, node), null, optional(node, "text"));
                case "assert_exhaustion" -> new WastCommand.AssertExhaustion(line, action(line, node), optional(node, "text"));
                case "assert_exception" -> new WastCommand.AssertException(line, action(line, node));
                case "assert_malformed", "assert_invalid", "assert_unlinkable", "assert_uninstantiable" ->
                        new WastCommand.AssertModule(line, type, module(line, null, node), optional(node, "text"));
                default -> throw new ScriptException(source + ":" + line + ": unknown command `" + type + "` in wast2json output");
            };
        }

        private WastModule module(int line, String name, JsonNode node) {
            Path file = directory.resolve(node.path("filename").asText());
            try {
                return file.getFileName().toString().endsWith(".wat")
                        ? WastModule.quote(line, name, Files.readString(file), fileName)
                        : WastModule.binary(line, name, Files.readAllBytes(file), fileName);
            } catch (IOException e) {
                throw new ScriptException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private WastAction action(int line, JsonNode command) {
            JsonNode node = command.path("action");
            String type = node.path("type").asText();
            if (!type.equals("invoke") && !type.equals("get")) {
                throw new ScriptException(source + ":" + line + ": unknown action `" + type + "`");
            }
            return new WastAction(line, type, name(node, "module"), node.path("field").asText(), values(node.path("args")));
        }
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
        JsonNode text = node.get("value");
        if (text != null && text.isArray()) {
            List<String> lanes = new ArrayList<>(text.size());
            text.forEach(lane -> lanes.add(lane.asText()));
            return WastValue.vector(optional(node, "lane_type"), lanes);
        }
        return WastValue.scalar(node.path("type").asText(), text == null ? null : text.asText());
    }

    /** A {@code $name} without its dollar sign, as the text parser gives it, or null. */
    private static String name(JsonNode node, String field) {
        String name = optional(node, field);
        return name != null && name.startsWith("$") ? name.substring(1) : name;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
