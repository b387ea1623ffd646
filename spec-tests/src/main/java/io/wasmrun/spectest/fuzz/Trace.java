package io.wasmrun.spectest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** What one engine did with one module: its events, in order. */
public record Trace(List<Event> events) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Trace {
        events = List.copyOf(events);
    }

    public static Trace of(Event... events) {
        return new Trace(List.of(events));
    }

    /** Whether the run ended early for a reason outside the module (a host limit or a timeout). */
    public boolean stopped() {
        return !events.isEmpty() && events.getLast() instanceof Event.Stopped;
    }

    /** The first escaped exception, if any. */
    public Event.Escaped escaped() {
        for (Event event : events) {
            if (event instanceof Event.Escaped escaped) {
                return escaped;
            }
        }
        return null;
    }

    /** The number of exports called. */
    public int calls() {
        return (int) events.stream().filter(e -> e instanceof Event.Call).count();
    }

    /**
     * Reads one answer line of the node oracle ({@code oracle.mjs}).
     *
     * @throws IllegalArgumentException when the line is not an answer
     */
    public static Trace parseV8(String line) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("the node oracle printed `" + line + "`", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the node oracle printed `" + line + "`");
        }
        if (root.has("rejected")) {
            return Trace.of(new Event.Rejected(root.get("rejected").asText()));
        }
        if (root.has("failed")) {
            return Trace.of(new Event.Escaped("oracle-failure", root.get("failed").asText()));
        }
        List<Event> events = new ArrayList<>();
        for (JsonNode event : root.path("events")) {
            String tag = event.path(0).asText();
            events.add(
                    switch (tag) {
                        case "call" -> new Event.Call(event.path(1).asText());
                        case "log" -> new Event.Log(values(event));
                        case "result" -> new Event.Returned(values(event));
                        case "trap" -> Event.Trapped.ofV8(event.path(1).asText(), event.path(2).isTextual() ? event.path(2).asText() : null);
                        case "memory" -> new Event.MemoryState(event.path(1).asText());
                        case "exhausted" -> new Event.Exhausted();
                        case "link" -> new Event.LinkFailed(event.path(1).asText());
                        case "error" -> new Event.Escaped("v8-harness-error", event.path(1).asText());
                        default -> throw new IllegalArgumentException("unknown event `" + tag + "` in `" + line + "`");
                    });
        }
        return new Trace(events);
    }

    private static List<Value> values(JsonNode event) {
        List<Value> values = new ArrayList<>();
        for (int i = 1; i < event.size(); i++) {
            values.add(Value.parse(event.get(i).asText()));
        }
        return values;
    }

    /** One event per line, numbered, for reports. */
    public String describe() {
        var sb = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            sb.append(String.format("  %4d  %s%n", i, events.get(i)));
        }
        return sb.toString();
    }
}
