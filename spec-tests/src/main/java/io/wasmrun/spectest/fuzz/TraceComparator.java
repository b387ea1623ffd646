package io.wasmrun.spectest.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares an engine's trace with the oracle's, like binaryen's {@code ExecutionResults}: the same
 * calls in the same order, the same logged values, the same results, and a trap where the oracle
 * trapped, of a compatible kind ({@link TrapKind}). Floats compare by bits except NaNs, which
 * compare by {@link NanRule}.
 *
 * <p>When either engine exhausts its stack or stops for a host reason during a call, the traces
 * are compared only up to the start of that call: how deep a stack goes is the engine's choice,
 * and a deeper engine logs more before it overflows.
 *
 * <p>Only the first difference is reported: what follows it is usually its consequence. Escaped
 * exceptions are the exception: each distinct one is reported wherever it happened, so that a
 * known escape early in a module does not hide a new one later.
 */
public final class TraceComparator {
    private final NanRule nanRule;

    public TraceComparator(NanRule nanRule) {
        this.nanRule = nanRule;
    }

    /**
     * How {@code actual} differs from {@code expected}: every distinct escaped exception, then the
     * first other difference (if it comes before the first escape); empty when they agree.
     */
    public List<Divergence> compare(Trace expected, Trace actual) {
        List<Divergence> divergences = new ArrayList<>(escapes(actual));
        int cut = Math.min(comparableLength(expected.events()), comparableLength(actual.events()));
        List<Event> e = expected.events().subList(0, Math.min(cut, expected.events().size()));
        List<Event> a = actual.events().subList(0, Math.min(cut, actual.events().size()));
        String export = null;
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            Event x = i < e.size() ? e.get(i) : null;
            Event y = i < a.size() ? a.get(i) : null;
            if (x instanceof Event.Escaped || y instanceof Event.Escaped) {
                break;
            }
            if (x instanceof Event.Call call) {
                export = call.export();
            }
            String signature = mismatch(x, y);
            if (signature != null && x instanceof Event.MemoryState && y instanceof Event.MemoryState) {
                // name the memory difference by the trap it followed, if any
                signature = i > 0 && e.get(i - 1) instanceof Event.Trapped t ? "memory-state:after-trap@" + (t.site() == null ? TrapKind.slug(t.kinds()) : t.site()) : "memory-state:end";
            }
            if (signature != null) {
                String where = export == null ? "at instantiation" : "in export `" + export + "`";
                String text = String.format("event %d %s: expected %s, got %s", i, where, x == null ? "nothing more" : x, y == null ? "nothing more" : y);
                divergences.add(new Divergence(signature, text, i));
                break;
            }
        }
        return divergences;
    }

    /** One divergence per distinct exception that escaped in {@code trace}. */
    public static List<Divergence> escapes(Trace trace) {
        List<Divergence> divergences = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Event> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Event.Escaped escaped && seen.add(escaped.signature())) {
                divergences.add(new Divergence("escaped:" + escaped.signature(), "event " + i + ": escaped: " + escaped.detail(), i));
            }
        }
        return divergences;
    }

    /**
     * The number of leading events that can be compared: all of them, or those before the call
     * during which the stack was exhausted or the run stopped.
     */
    static int comparableLength(List<Event> events) {
        int lastCall = 0;
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (event instanceof Event.Call) {
                lastCall = i;
            } else if (event instanceof Event.Exhausted || event instanceof Event.Stopped) {
                return lastCall;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The signature of the difference between two events at the same place, or null. */
    private String mismatch(Event x, Event y) {
        if (x == null || y == null) {
            if (x instanceof Event.Trapped t) {
                return "missing-trap:" + t.slug();
            }
            if (y instanceof Event.Trapped t) {
                return "unexpected-trap:" + t.slug();
            }
            return "event:" + tag(x) + ":" + tag(y);
        }
        if (x instanceof Event.Trapped t && !(y instanceof Event.Trapped)) {
            return y instanceof Event.Rejected r ? "rejects-valid:" + reason(r.message()) : "missing-trap:" + t.slug();
        }
        if (y instanceof Event.Trapped t && !(x instanceof Event.Trapped)) {
            return x instanceof Event.Rejected r ? "accepts-invalid:" + reason(r.message()) : "unexpected-trap:" + t.slug();
        }
        if (x instanceof Event.Rejected r && !(y instanceof Event.Rejected)) {
            return "accepts-invalid:" + reason(r.message());
        }
        if (y instanceof Event.Rejected r && !(x instanceof Event.Rejected)) {
            return "rejects-valid:" + reason(r.message());
        }
        if (x.getClass() != y.getClass()) {
            return "event:" + tag(x) + ":" + tag(y);
        }
        return switch (x) {
            case Event.Call c -> c.export().equals(((Event.Call) y).export()) ? null : "call-order";
            case Event.Log l -> values("log", l.values(), ((Event.Log) y).values());
            case Event.Returned r -> values("result", r.values(), ((Event.Returned) y).values());
            case Event.Trapped t -> traps(t, (Event.Trapped) y);
            case Event.MemoryState m -> m.state().equals(((Event.MemoryState) y).state()) ? null : "memory-state";
            default -> null;
        };
    }

    /**
     * A rejection message as a signature word, without what varies between modules: V8's
     * {@code WebAssembly.Module(): Compiling function #23 failed: function body must end with "end"
     * opcode @+3409} is {@code function-body-must-end-with-end-opcode}; wasmrun's
     * {@code m.wasm: malformed module: ...} loses the file name.
     */
    static String reason(String message) {
        String m = message;
        m = m.replaceFirst("^WebAssembly\\.Module\\(\\):\\s*", "");
        m = m.replaceFirst("^Compiling function #\\d+(:\"[^\"]*\")? failed:\\s*", "");
        m = m.replaceFirst("^[^:\\s]+\\.wasm:\\s*", "");
        m = m.replaceAll("@\\+\\d+", "").replaceAll("0x[0-9a-fA-F]+|\\d+", "");
        m = m.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("(^-+|-+$)", "");
        String[] words = m.split("-");
        return String.join("-", java.util.Arrays.copyOf(words, Math.min(words.length, 8)));
    }

    private String traps(Event.Trapped x, Event.Trapped y) {
        if (TrapKind.compatible(x.kinds(), y.kinds())) {
            return null;
        }
        if (x.kinds().contains(TrapKind.OTHER) && y.kinds().contains(TrapKind.OTHER) && x.message().equals(y.message())) {
            return null;
        }
        return "trap-kind:" + x.slug() + ":" + y.slug();
    }

    private String values(String what, List<Value> x, List<Value> y) {
        if (x.size() != y.size()) {
            return what + "-arity";
        }
        for (int i = 0; i < x.size(); i++) {
            Value v = x.get(i);
            Value w = y.get(i);
            if (!v.type().equals(w.type())) {
                return what + "-type";
            }
            if (!nanRule.matches(v, w)) {
                if ((v.isNan() && w.isNan()) || (v.type().equals("v128") && NanRule.ANY.matches(v, w))) {
                    // for a v128: its lanes differ only where both are NaNs
                    return what + "-nan:" + v.type();
                }
                // a float one unit in the last place away: a rounding difference
                boolean ulp = v.isFloat() && !v.isNan() && !w.isNan() && Math.abs(v.bits() - w.bits()) == 1;
                return what + "-value:" + v.type() + (ulp ? ":1ulp" : "");
            }
        }
        return null;
    }

    private static String tag(Event event) {
        return switch (event) {
            case null -> "end";
            case Event.Rejected r -> "rejected";
            case Event.LinkFailed l -> "link";
            case Event.Call c -> "call";
            case Event.Log l -> "log";
            case Event.Returned r -> "result";
            case Event.Trapped t -> "trap";
            case Event.MemoryState m -> "memory";
            case Event.Exhausted x -> "exhausted";
            case Event.Stopped s -> "stopped";
            case Event.Escaped s -> "escaped";
        };
    }
}
