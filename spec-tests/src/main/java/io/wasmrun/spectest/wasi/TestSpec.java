package io.wasmrun.spectest.wasi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a test's JSON specification asks: the operations to run in order, and what the test needs
 * beyond a WASI preview 1 command (proposals, another world, HTTP servers), which this runner does
 * not provide.
 *
 * @param operations the operations in order
 * @param proposals the WASI proposals the test needs ({@code http}, {@code sockets}), usually none
 * @param world the WASI world, {@code wasi:cli/command} unless the specification says otherwise
 * @param servers how many HTTP servers the specification asks the runner to start
 */
record TestSpec(List<Operation> operations, List<String> proposals, String world, int servers) {
    static final String COMMAND_WORLD = "wasi:cli/command";

    /** {@code run} with its defaults: no arguments, an empty environment, nothing preopened. */
    static final Operation.Run DEFAULT_RUN = new Operation.Run(List.of(), Map.of(), Optional.empty());

    /** {@code wait} with its default: exit code 0. */
    static final Operation.Wait DEFAULT_WAIT = new Operation.Wait(0);

    /** The specification of a test without a JSON file, and the default operations. */
    static final TestSpec DEFAULT = new TestSpec(List.of(DEFAULT_RUN, DEFAULT_WAIT), List.of(), COMMAND_WORLD, 0);

    TestSpec {
        operations = List.copyOf(operations);
        proposals = List.copyOf(proposals);
    }

    /** Why this runner cannot run the test, or empty when it can. */
    Optional<String> unsupported() {
        if (!proposals.isEmpty()) {
            return Optional.of("needs WASI proposal" + (proposals.size() > 1 ? "s " : " ") + String.join(", ", proposals));
        }
        if (!world.equals(COMMAND_WORLD)) {
            return Optional.of("targets the WASI world " + world);
        }
        if (servers > 0) {
            return Optional.of("needs HTTP servers");
        }
        return operations.stream()
                .filter(op -> op instanceof Operation.Unsupported)
                .findFirst()
                .map(op -> "uses the `" + op.type() + "` operation, which this runner does not implement");
    }
}
