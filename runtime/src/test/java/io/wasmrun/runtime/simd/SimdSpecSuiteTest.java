package io.wasmrun.runtime.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wasmrun.runtime.simd.SimdReference.Expected;
import io.wasmrun.runtime.simd.SimdReference.Op;
import io.wasmrun.runtime.simd.SimdReference.Rule;
import io.wasmrun.runtime.simd.SimdReference.V128;
import io.wasmrun.text.wast.WastCommand;
import io.wasmrun.text.wast.WastParser;
import io.wasmrun.text.wast.WastScript;
import io.wasmrun.text.wast.WastValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link SimdReference} against the spec test suite's own expectations: in every {@code
 * simd_*.wast} of Wasm 2.0, each {@code assert_return} on a function that is nothing but one
 * instruction applied to its parameters ({@code (func (export "i8x16.add") (param v128 v128)
 * (result v128) (i8x16.add (local.get 0) (local.get 1)))}) is evaluated with the reference,
 * {@code nan:canonical} and {@code nan:arithmetic} lanes included. Wasmrun is not involved.
 */
class SimdSpecSuiteTest {
    private static final Path SUITE =
            Path.of(System.getProperty("wasm.testsuite", "../../shared/wasm-testsuite"), "wasm-2.0");
    private static final Pattern FUNC = Pattern.compile(
            "\\(func\\s+(?:\\$\\S+\\s+)?\\(export\\s+\"([^\"]+)\"\\)\\s*((?:\\((?:param|result)[^()]*\\)\\s*)*)"
                    + "\\(\\s*([a-z0-9_.]+)((?:\\s*\\(local\\.get\\s+\\d+\\))*)\\s*\\)\\s*\\)");

    @Test
    void referenceAgreesWithTheSpecSuite() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SUITE), "no spec test suite at " + SUITE);
        List<Path> files;
        try (Stream<Path> list = Files.list(SUITE)) {
            files = list.filter(p -> p.getFileName().toString().matches("simd_.*\\.wast")).sorted().toList();
        }
        var failures = new ArrayList<String>();
        Set<String> covered = new TreeSet<>();
        int checked = 0;
        for (Path file : files) {
            String source = Files.readString(file);
            String[] lines = source.split("\n", -1);
            WastScript script = WastParser.parse(source, file.getFileName().toString());
            List<WastCommand> commands = script.commands();
            Set<String> plain = new HashSet<>();
            for (int c = 0; c < commands.size(); c++) {
                WastCommand command = commands.get(c);
                if (command instanceof WastCommand.ModuleCommand module) {
                    int end = c + 1 < commands.size() ? commands.get(c + 1).line() : lines.length + 1;
                    plain = plainExports(lines, module.line(), end);
                } else if (command instanceof WastCommand.AssertReturn ar
                        && ar.action().module() == null
                        && !ar.action().isGet()
                        && plain.contains(ar.action().field())
                        && ar.expected().size() == 1) {
                    Op op = SimdReference.op(ar.action().field());
                    long[] raw = raw(op, ar.action().args());
                    if (raw == null) {
                        continue;
                    }
                    checked++;
                    covered.add(op.name());
                    Expected expected = op.apply(raw);
                    String problem = compare(expected, ar.expected().get(0));
                    if (problem != null) {
                        failures.add(file.getFileName() + ":" + ar.line() + " " + ar.action() + " -> "
                                + ar.expected().get(0) + ": reference gives " + expected.describe(op.result())
                                + " (" + problem + ")");
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + checked + " spec assertions disagree with the reference:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
        }
        assertTrue(checked > 5000, "only " + checked + " spec assertions checked");
        assertTrue(covered.size() >= 120, "only " + covered.size() + " instructions covered: " + covered);
    }

    /** Exports of the module text (lines from..end) whose function is its export's instruction on its params. */
    private static Set<String> plainExports(String[] lines, int from, int end) {
        var text = new StringBuilder();
        for (int i = Math.max(1, from); i < Math.min(end, lines.length + 1); i++) {
            text.append(lines[i - 1]).append('\n');
        }
        var out = new HashSet<String>();
        Matcher m = FUNC.matcher(text);
        while (m.find()) {
            String export = m.group(1);
            String instr = m.group(3);
            if (export.equals(instr) && SimdReference.has(export)) {
                Op op = SimdReference.op(export);
                String params = m.group(2).replaceAll("\\(result[^()]*\\)", "");
                int declared = params.split("\\b(v128|i32|i64|f32|f64)\\b", -1).length - 1;
                int gets = m.group(4).split("local\\.get", -1).length - 1;
                if (declared == op.params().size() && gets == declared && inOrder(m.group(4))) {
                    out.add(export);
                }
            }
        }
        return out;
    }

    private static boolean inOrder(String gets) {
        Matcher m = Pattern.compile("local\\.get\\s+(\\d+)").matcher(gets);
        int expected = 0;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != expected++) {
                return false;
            }
        }
        return true;
    }

    private static long[] raw(Op op, List<WastValue> args) {
        if (args.size() != op.params().size()) {
            return null;
        }
        long[] raw = new long[op.rawParams()];
        int o = 0;
        for (WastValue arg : args) {
            if (arg.isVector()) {
                V128 v = vector(arg);
                raw[o++] = v.lo();
                raw[o++] = v.hi();
            } else {
                raw[o++] = Long.parseUnsignedLong(arg.value());
            }
        }
        return raw;
    }

    private static int bits(String laneType) {
        return Integer.parseInt(laneType.substring(1));
    }

    private static V128 vector(WastValue v) {
        int bits = bits(v.laneType());
        long[] lanes = new long[v.lanes().size()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Long.parseUnsignedLong(v.lanes().get(i));
        }
        return V128.ofLanes(bits, lanes);
    }

    /** Null when the reference allows exactly what the suite expects, else what differs. */
    private static String compare(Expected expected, WastValue want) {
        if (!want.alternatives().isEmpty()) {
            return "either is not compared";
        }
        if (!want.isVector()) {
            String value = want.value();
            if (value.startsWith("nan:")) {
                return "scalar NaN pattern";
            }
            return expected.matches(new long[] {Long.parseUnsignedLong(value)}) ? null : "value";
        }
        int bits = bits(want.laneType());
        boolean nanPatterns = want.lanes().stream().anyMatch(l -> l.startsWith("nan:"));
        if (!nanPatterns) {
            V128 v = vector(want);
            if (!expected.isExact()) {
                return "the reference allows a NaN set where the suite has exact bits";
            }
            return expected.v128().equals(v) ? null : "bits";
        }
        if (expected.floatBits() != bits) {
            return "lane shape " + want.laneType() + " vs the reference's " + expected.floatBits();
        }
        for (int i = 0; i < want.lanes().size(); i++) {
            String lane = want.lanes().get(i);
            Rule rule = expected.rule(i);
            Rule suite = switch (lane) {
                case "nan:canonical" -> Rule.CANONICAL_NAN;
                case "nan:arithmetic" -> Rule.ARITHMETIC_NAN;
                default -> Rule.EXACT;
            };
            if (rule != suite) {
                return "lane " + i + ": " + rule + " vs " + lane;
            }
            if (suite == Rule.EXACT && expected.v128().lane(bits, i) != Long.parseUnsignedLong(lane)) {
                return "lane " + i + " bits";
            }
        }
        return null;
    }
}
