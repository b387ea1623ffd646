package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceComparatorTest {
    private final TraceComparator comparator = new TraceComparator(NanRule.QUIETNESS);

    private static Event.Call call(String name) {
        return new Event.Call(name);
    }

    private static Event.Log log(Value v) {
        return new Event.Log(List.of(v));
    }

    private static Event.Returned returned(Value... values) {
        return new Event.Returned(List.of(values));
    }

    private static Event.Trapped trap(String wasmrunKind) {
        return Event.Trapped.ofWasmrun(wasmrunKind);
    }

    private static String only(List<Divergence> divergences) {
        assertEquals(1, divergences.size(), divergences.toString());
        return divergences.getFirst().signature();
    }

    @Test
    void readsTheNodeOraclesAnswer() {
        Trace v8 = Trace.parseV8(
                """
                {"events":[["call","f"],["log","i32:7"],["result","i64:-1","f32:0x7fc00000"],["call","g"],["trap","memory access out of bounds","i32.store8"],["call","h"],["exhausted"]]}""");
        assertEquals(List.of(call("f"), log(Value.i32(7)), returned(Value.i64(-1), Value.f32(0x7fc00000)), call("g")), v8.events().subList(0, 4));
        var t = assertInstanceOf(Event.Trapped.class, v8.events().get(4));
        assertEquals("i32.store8", t.site());
        assertEquals("memory-out-of-bounds@i32.store8", t.slug());
        assertInstanceOf(Event.Exhausted.class, v8.events().get(6));
        assertEquals(3, v8.calls());
        assertInstanceOf(Event.Rejected.class, Trace.parseV8("{\"rejected\":\"bad magic\"}").events().getFirst());
        assertThrows(IllegalArgumentException.class, () -> Trace.parseV8("not json"));
    }

    @Test
    void identicalLogSequencesAgree() {
        Trace v8 = Trace.of(call("a"), log(Value.i32(1)), log(Value.f64(0x3ff0000000000000L)), returned(), call("b"), trap("unreachable"));
        Trace wasmrun = Trace.of(call("a"), log(Value.i32(1)), log(Value.f64(0x3ff0000000000000L)), returned(), call("b"), trap("unreachable"));
        assertEquals(List.of(), comparator.compare(v8, wasmrun));
    }

    @Test
    void aMissingOrExtraLogIsADifferenceOfEvents() {
        Trace v8 = Trace.of(call("a"), log(Value.i32(1)), log(Value.i32(2)), returned());
        Trace fewer = Trace.of(call("a"), log(Value.i32(1)), returned());
        Trace more = Trace.of(call("a"), log(Value.i32(1)), log(Value.i32(2)), log(Value.i32(3)), returned());
        assertEquals("event:log:result", only(comparator.compare(v8, fewer)));
        assertEquals("event:result:log", only(comparator.compare(v8, more)));
        Trace shorter = Trace.of(call("a"), log(Value.i32(1)));
        assertEquals("event:log:end", only(comparator.compare(v8, shorter)));
    }

    @Test
    void aLoggedValueThatDiffersIsNamedByItsType() {
        Trace v8 = Trace.of(call("a"), log(Value.f32(0x5f7fffe0)), returned());
        Trace wasmrun = Trace.of(call("a"), log(Value.f32(0x5f7fffe1)), returned());
        List<Divergence> d = comparator.compare(v8, wasmrun);
        assertEquals("log-value:f32:1ulp", only(d), "a rounding difference");
        assertEquals(1, d.getFirst().index());
        assertTrue(d.getFirst().description().contains("in export `a`"), d.getFirst().description());
        assertEquals("log-type", only(comparator.compare(v8, Trace.of(call("a"), log(Value.i32(1)), returned()))));
        assertEquals("log-value:f32", only(comparator.compare(v8, Trace.of(call("a"), log(Value.f32(0x3f800000)), returned()))));
    }

    @Test
    void nanResultsCompareByTheRule() {
        Trace v8 = Trace.of(call("a"), returned(Value.f32(0xffc00000)));
        Trace quiet = Trace.of(call("a"), returned(Value.f32(0x7fc00123)));
        Trace signalling = Trace.of(call("a"), returned(Value.f32(0xff800001)));
        assertEquals(List.of(), comparator.compare(v8, quiet));
        assertEquals("result-nan:f32", only(comparator.compare(v8, signalling)));
        assertEquals(List.of(), new TraceComparator(NanRule.ANY).compare(v8, signalling));
    }

    @Test
    void v128ValuesCompareByLaneAndNameADifferenceByTheirType() {
        Trace v8 = Trace.parseV8("""
                {"events":[["call","a"],["log","v128:0x00000004000000030000000200000001"],["result","v128:0x7fc00000000000003ff0000000000000","i32:1"]]}""");
        assertEquals(List.of(call("a"), log(Value.v128(0x0000000200000001L, 0x0000000400000003L)),
                returned(Value.v128(0x3ff0000000000000L, 0x7fc0000000000000L), Value.i32(1))), v8.events());
        Trace nanPayload = Trace.of(call("a"), log(Value.v128(0x0000000200000001L, 0x0000000400000003L)),
                returned(Value.v128(0x3ff0000000000000L, 0xffc0001200000000L), Value.i32(1)));
        assertEquals(List.of(), comparator.compare(v8, nanPayload), "an f32x4 NaN lane's sign and payload");
        Trace signalling = Trace.of(call("a"), log(Value.v128(0x0000000200000001L, 0x0000000400000003L)),
                returned(Value.v128(0x3ff0000000000000L, 0x7f80000100000000L), Value.i32(1)));
        assertEquals("result-nan:v128", only(comparator.compare(v8, signalling)));
        Trace swapped = Trace.of(call("a"), log(Value.v128(0x0000000400000003L, 0x0000000200000001L)),
                returned(Value.v128(0x3ff0000000000000L, 0x7fc0000000000000L), Value.i32(1)));
        assertEquals("log-value:v128", only(comparator.compare(v8, swapped)));
        assertTrue(Fuzz.nanSensitive("result-value:v128"), "integer lanes may hold a reinterpreted NaN");
        assertTrue(!Fuzz.nanSensitive("result-nan:v128"));
    }

    @Test
    void aTrapWhereV8TrapsMustBeThereWithACompatibleKind() {
        Trace v8 = Trace.parseV8(
                """
                {"events":[["call","a"],["trap","memory access out of bounds","i32.store8"],["call","b"],["log","i32:1"],["result"]]}""");
        Trace noTrap = Trace.of(call("a"), returned(), call("b"), log(Value.i32(1)), returned());
        assertEquals("missing-trap:memory-out-of-bounds@i32.store8", only(comparator.compare(v8, noTrap)));
        Trace otherKind = Trace.of(call("a"), trap("out of bounds table access"), call("b"), log(Value.i32(1)), returned());
        assertEquals("trap-kind:memory-out-of-bounds@i32.store8:table-out-of-bounds", only(comparator.compare(v8, otherKind)));
        Trace same = Trace.of(call("a"), trap("out of bounds memory access: attempted to access address: 65552 but limit is: 65536"),
                call("b"), log(Value.i32(1)), returned());
        assertEquals(List.of(), comparator.compare(v8, same), "a trap in one export does not stop the next");
    }

    @Test
    void memoryWrittenBeforeATrapIsNamedByTheTrappingInstruction() {
        Trace v8 = Trace.parseV8(
                """
                {"events":[["call","a"],["trap","memory access out of bounds","memory.init"],["memory","16:0000abcd"],["call","b"],["result"],["memory","16:0000abcd"]]}""");
        Trace partialWrite = Trace.of(call("a"), trap("out of bounds memory access"), new Event.MemoryState("16:1234abcd"), call("b"), returned(),
                new Event.MemoryState("16:1234abcd"));
        assertEquals("memory-state:after-trap@memory.init", only(comparator.compare(v8, partialWrite)));
        Trace silentWrite = Trace.of(call("a"), trap("out of bounds memory access"), new Event.MemoryState("16:0000abcd"), call("b"), returned(),
                new Event.MemoryState("17:0000abcd"));
        assertEquals("memory-state:end", only(comparator.compare(v8, silentWrite)));
    }

    @Test
    void aTrapV8DoesNotHaveIsUnexpected() {
        Trace v8 = Trace.of(call("a"), log(Value.i32(1)), returned());
        Trace wasmrun = Trace.of(call("a"), trap("integer divide by zero"));
        assertEquals("unexpected-trap:integer-divide-by-zero", only(comparator.compare(v8, wasmrun)));
    }

    @Test
    void v8sMergedMessagesMatchEitherSpecKind() {
        Trace v8 = Trace.parseV8(
                """
                {"events":[["call","a"],["trap","null function or function signature mismatch"],["call","b"],["trap","float unrepresentable in integer range"]]}""");
        Trace wasmrun = Trace.of(call("a"), trap("uninitialized element 2"), call("b"), trap("integer overflow"));
        assertEquals(List.of(), comparator.compare(v8, wasmrun));
    }

    @Test
    void stackExhaustionStopsTheComparisonAtTheStartOfThatCall() {
        // V8 overflowed after 2 logs, wasmrun went deeper and logged 3 before overflowing
        Trace v8 = Trace.of(call("a"), returned(Value.i32(1)), call("rec"), log(Value.i32(1)), log(Value.i32(2)), new Event.Exhausted());
        Trace wasmrun = Trace.of(call("a"), returned(Value.i32(1)), call("rec"), log(Value.i32(1)), log(Value.i32(2)), log(Value.i32(3)),
                new Event.Exhausted());
        assertEquals(List.of(), comparator.compare(v8, wasmrun));
        Trace differentBefore = Trace.of(call("a"), returned(Value.i32(2)), call("rec"), new Event.Exhausted());
        assertEquals("result-value:i32", only(comparator.compare(v8, differentBefore)));
        Trace stopped = Trace.of(call("a"), returned(Value.i32(1)), call("rec"), new Event.Stopped("timeout"));
        assertEquals(List.of(), comparator.compare(Trace.of(call("a"), returned(Value.i32(1)), call("rec"), log(Value.i32(5)), returned()), stopped));
        assertEquals(2, TraceComparator.comparableLength(List.of(call("a"), returned(), call("b"), new Event.Exhausted())), "up to the call of b");
    }

    @Test
    void everyDistinctEscapeIsReportedWhereverItHappened() {
        Trace v8 = Trace.of(call("a"), returned(), call("b"), trap("unreachable"), call("c"), returned(), call("d"), returned());
        List<Event> events = new ArrayList<>(List.of(call("a"), returned(), call("b")));
        events.add(new Event.Escaped("java.lang.NegativeArraySizeException@TableInstance.grow", "NegativeArraySizeException: -2"));
        events.addAll(List.of(call("c"), new Event.Escaped("java.lang.ArrayIndexOutOfBoundsException@OpcodeImpl.TABLE_INIT", "Index -1")));
        events.addAll(List.of(call("d"), new Event.Escaped("java.lang.NegativeArraySizeException@TableInstance.grow", "again")));
        List<Divergence> d = comparator.compare(v8, new Trace(events));
        assertEquals(List.of("escaped:java.lang.NegativeArraySizeException@TableInstance.grow",
                "escaped:java.lang.ArrayIndexOutOfBoundsException@OpcodeImpl.TABLE_INIT"), d.stream().map(Divergence::signature).toList());
        assertEquals(3, d.getFirst().index());
    }

    @Test
    void rejectionsMatchRejectionsWhateverTheMessage() {
        Trace v8 = Trace.of(new Event.Rejected("WebAssembly.Module(): expected magic word"));
        assertEquals(List.of(), comparator.compare(v8, Trace.of(new Event.Rejected("m.wasm: not a WebAssembly module"))));
        assertEquals("accepts-invalid:expected-magic-word", only(comparator.compare(v8, Trace.of(call("a"), returned()))));
        assertEquals("rejects-valid:invalid-module-type-mismatch", only(comparator.compare(Trace.of(call("a"), returned()),
                Trace.of(new Event.Rejected("m.wasm: invalid module: type mismatch")))));
        Trace bodyEnd = Trace.of(new Event.Rejected("WebAssembly.Module(): Compiling function #23 failed: function body must end with \"end\" opcode @+3409"));
        assertEquals("accepts-invalid:function-body-must-end-with-end-opcode", only(comparator.compare(bodyEnd, Trace.of(call("a"), returned()))));
        assertEquals("field-name-no-valid-utf-string", TraceComparator.reason("WebAssembly.Module(): field name: no valid UTF-8 string @+606"));
    }
}
