package io.wasmrun.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupWarmupTest {

    @Test
    void everyWarmUpStepSucceeds() {
        // a step that fails is skipped silently at start-up (only the speed-up is lost), so a
        // broken step, e.g. an invalid embedded module, must show here
        assertTrue(StartupWarmup.run());
    }
}
