package io.wasmrun.wast;

import io.wasmrun.Instance;

/** What a script's {@code module} command left behind: an instance, or why there is none. */
sealed interface ModuleState {

    /** The module was instantiated. */
    record Ready(Instance instance) implements ModuleState {}

    /**
     * The module could not be used; commands on it fail, or are skipped when {@code skipped}.
     *
     * @param reason why, naming the module's line
     * @param skipped whether the module was skipped rather than failed
     */
    record Unavailable(String reason, boolean skipped) implements ModuleState {}
}
