package io.wasmrun.spectest.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One module run by the oracle and every configuration, and how each configuration differs.
 *
 * @param oracle V8's trace, or null without an oracle
 * @param traces each configuration's trace, in configuration order
 * @param divergences the configurations that differ from the reference, with how (never an
 *     empty list)
 */
record Evaluation(Trace oracle, Map<FuzzConfiguration, Trace> traces, Map<FuzzConfiguration, List<Divergence>> divergences) {

    /** The divergence of {@code configuration} with {@code signature}, or null. */
    Divergence divergence(FuzzConfiguration configuration, String signature) {
        for (Divergence d : divergences.getOrDefault(configuration, List.of())) {
            if (d.signature().equals(signature)) {
                return d;
            }
        }
        return null;
    }

    /** The number of (configuration, divergence) pairs. */
    int count() {
        return divergences.values().stream().mapToInt(List::size).sum();
    }

    /** The trace the configurations are compared with: V8's, else the first configuration's. */
    Trace reference() {
        return oracle != null ? oracle : traces.values().iterator().next();
    }

    /** Whether the reference itself could not run the module (invalid, or stopped at once). */
    boolean referenceRejected() {
        List<Event> events = reference().events();
        return !events.isEmpty() && events.getFirst() instanceof Event.Rejected;
    }

    /** Divergences grouped by signature: signature to the configurations that show it. */
    Map<String, List<FuzzConfiguration>> bySignature() {
        Map<String, List<FuzzConfiguration>> grouped = new LinkedHashMap<>();
        divergences.forEach((c, list) -> list.forEach(d -> grouped.computeIfAbsent(d.signature(), k -> new java.util.ArrayList<>()).add(c)));
        return grouped;
    }
}
