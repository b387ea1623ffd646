package io.wasmrun.spectest.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
    private static final Path FOLDER = Path.of("/suite/tests/rust");

    @TempDir Path dir;

    @Test
    void aModuleWithoutJsonRunsWithTheDefaults() throws Exception {
        Path module = Files.createFile(dir.resolve("plain.wasm"));

        TestSpec spec = SpecReader.forModule(module);

        assertSame(TestSpec.DEFAULT, spec);
        assertEquals(List.of(new Operation.Run(List.of(), Map.of(), Optional.empty()), new Operation.Wait(0)), spec.operations());
        assertEquals(Optional.empty(), spec.unsupported());
    }

    @Test
    void theJsonBesideTheModuleIsRead() throws Exception {
        Path module = Files.createFile(dir.resolve("exits.wasm"));
        Files.writeString(dir.resolve("exits.json"), "{\"exit_code\": 33}");

        assertEquals(List.of(TestSpec.DEFAULT_RUN, new Operation.Wait(33)), SpecReader.forModule(module).operations());
    }

    @Test
    void aPartialLegacySpecTakesDefaultsAndChecksNoOutput() throws Exception {
        TestSpec spec = parse("{\"root\": \"fs-tests.dir\", \"args\": [\"a\", \"the \\\"b\\\" arg\"]}");

        assertEquals(
                List.of(
                        new Operation.Run(List.of("a", "the \"b\" arg"), Map.of(), Optional.of(FOLDER.resolve("fs-tests.dir"))),
                        new Operation.Wait(0)),
                spec.operations());
    }

    @Test
    void legacyOutputsBecomeReadsBetweenRunAndWait() throws Exception {
        TestSpec spec = parse("{\"stderr\": \"\", \"stdout\": \"hello\", \"exit_code\": 3, \"env\": {\"b\": \"x\", \"a\": \"new\\nline\"}}");

        List<Operation> ops = spec.operations();
        assertEquals(4, ops.size());
        var run = (Operation.Run) ops.get(0);
        assertEquals(List.of("b", "a"), List.copyOf(run.env().keySet()), "the environment keeps the file's order");
        assertEquals("new\nline", run.env().get("a"));
        assertEquals(new Operation.Read("stdout", "hello"), ops.get(1));
        assertEquals(new Operation.Read("stderr", ""), ops.get(2));
        assertEquals(new Operation.Wait(3), ops.get(3));
    }

    @Test
    void nullFieldsAndAnEmptyRootAreDefaults() throws Exception {
        assertEquals(TestSpec.DEFAULT.operations(), parse("{\"root\": null, \"stdout\": null, \"exit_code\": null, \"args\": null}").operations());
        assertEquals(TestSpec.DEFAULT.operations(), parse("{\"root\": \"\"}").operations());
        assertEquals(TestSpec.DEFAULT.operations(), parse("{}").operations());
    }

    @Test
    void theOperationFormIsReadInOrderWithDefaults() throws Exception {
        TestSpec spec = parse(
                """
                {"operations": [
                  {"type": "run", "args": ["-x"], "env": {"K": "V"}, "root": "data"},
                  {"type": "write", "id": "stdin", "payload": "ping\\n"},
                  {"type": "read", "payload": "pong"},
                  {"type": "read", "id": "stderr"},
                  {"type": "wait", "exit_code": 1},
                  {"type": "run"},
                  {"type": "wait"}
                ]}""");

        assertEquals(
                List.of(
                        new Operation.Run(List.of("-x"), Map.of("K", "V"), Optional.of(FOLDER.resolve("data"))),
                        new Operation.Write("stdin", "ping\n"),
                        new Operation.Read("stdout", "pong"),
                        new Operation.Read("stderr", ""),
                        new Operation.Wait(1),
                        TestSpec.DEFAULT_RUN,
                        TestSpec.DEFAULT_WAIT),
                spec.operations());
        assertEquals(Optional.empty(), spec.unsupported());
    }

    @Test
    void withoutOperationsTheOperationFormRunsAndWaits() throws Exception {
        TestSpec spec = parse("{\"proposals\": [\"http\"]}");

        assertEquals(TestSpec.DEFAULT.operations(), spec.operations());
        assertEquals(Optional.of("needs WASI proposal http"), spec.unsupported());
    }

    @Test
    void whatTheRunnerCannotProvideIsASkipReason() throws Exception {
        assertEquals(
                Optional.of("uses the `connect` operation, which this runner does not implement"),
                parse("{\"operations\": [{\"type\": \"run\"}, {\"type\": \"connect\"}, {\"type\": \"wait\"}]}").unsupported());
        assertEquals(
                Optional.of("targets the WASI world wasi:http/service"),
                parse("{\"operations\": [{\"type\": \"run\"}, {\"type\": \"wait\"}], \"world\": \"wasi:http/service\"}").unsupported());
        assertEquals(Optional.of("needs HTTP servers"), parse("{\"servers\": [{\"name\": \"a\"}]}").unsupported());
    }

    @Test
    void rejectsSpecificationsTheReferenceRunnerRejects() {
        assertRejected("{\"args\": [], \"operations\": []}", "mixes legacy fields");
        assertRejected("{\"operations\": [{\"type\": \"run\"}]}", "a run has no wait");
        assertRejected("{\"operations\": [{\"type\": \"read\"}, {\"type\": \"run\"}, {\"type\": \"wait\"}]}", "operation 1 (read): no process is running");
        assertRejected("{\"operations\": [{\"type\": \"run\"}, {\"type\": \"run\"}, {\"type\": \"wait\"}]}", "operation 2 (run): the previous run has no wait");
        assertRejected("{\"operations\": [{\"type\": \"run\"}, {\"type\": \"read\", \"id\": \"stdin\"}, {\"type\": \"wait\"}]}", "cannot read from `stdin`");
        assertRejected("{\"operations\": [{\"type\": \"run\"}, {\"type\": \"write\"}, {\"type\": \"wait\"}]}", "cannot write to `write`");
        assertRejected("{\"operations\": [{\"type\": \"fork\"}]}", "unknown operation type `fork`");
        assertRejected("{\"operations\": [{\"args\": []}]}", "an operation has no `type`");
        assertRejected("{\"exit_code\": \"1\"}", "`exit_code` is not an integer");
        assertRejected("{\"args\": [1]}", "`args item` is not a string");
        assertRejected("{\"env\": [\"a=b\"]}", "`env` is not an object");
        assertRejected("{\"args\": [", "not valid JSON");
        assertRejected("[]", "not a JSON object");
    }

    @Test
    void aBadSpecificationFileNamesTheFile() throws IOException {
        Path module = Files.createFile(dir.resolve("broken.wasm"));
        Files.writeString(dir.resolve("broken.json"), "{\"exit_code\": true}");

        WasiTest test = WasiTest.load("c/broken", module);

        assertTrue(test.spec().isEmpty());
        assertEquals("invalid specification: broken.json: `exit_code` is not an integer: true", test.specError());
    }

    private static TestSpec parse(String json) throws SpecException {
        return SpecReader.parse(json, FOLDER);
    }

    private static void assertRejected(String json, String message) {
        var e = assertThrows(SpecException.class, () -> parse(json), json);
        assertTrue(e.getMessage().contains(message), json + ": " + e.getMessage());
    }
}
