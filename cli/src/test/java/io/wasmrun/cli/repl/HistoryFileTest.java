package io.wasmrun.cli.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryFileTest {

    @Test
    void defaultsToAFileInTheHomeDirectory() {
        assertEquals(Optional.of(Path.of("/home/me/.wasmrun_history")), HistoryFile.locate(null, Map.of(), "/home/me"));
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertEquals(
                Optional.of(Path.of("/tmp/p")),
                HistoryFile.locate("/tmp/p", Map.of(HistoryFile.ENV, "/tmp/e"), "/home/me"));
        assertEquals(
                Optional.of(Path.of("/tmp/e")), HistoryFile.locate(null, Map.of(HistoryFile.ENV, "/tmp/e"), "/home/me"));
    }

    @Test
    void anEmptyValueTurnsHistoryOff() {
        assertEquals(Optional.empty(), HistoryFile.locate("", Map.of(), "/home/me"));
        assertEquals(Optional.empty(), HistoryFile.locate(null, Map.of(HistoryFile.ENV, ""), "/home/me"));
    }
}
