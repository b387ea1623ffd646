package io.wasmrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wasmrun.WasmrunException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Table-driven checks of the option descriptors: each is in the help once (and an allocator option
 * in the README), and each allocator setting reaches the configuration component named after it,
 * with the default the help shows, or is refused by the allocator without one.
 */
class OptionTableTest {
    /** An option row of the help: its short name, if any, and its long names. */
    private static final Pattern ROW = Pattern.compile("^  (?:(-\\w), |    )(--[\\w-]+(?:, --[\\w-]+)*)");

    /** Values to try for each parameter label; the first the configuration accepts is used. */
    private static final Map<String, List<String>> SAMPLES =
            Map.of(
                    "N", List.of("7"),
                    "BYTES", List.of("3MiB", "2GiB"),
                    "DURATION", List.of("100ms"),
                    "auto|yes|no", List.of("yes", "no"));

    /** Every option of {@code wasmrun run}. */
    private static final List<OptionDescriptor<?>> RUN_OPTIONS =
            Stream.of(
                            CommonOptions.OPTIONS,
                            EngineOptions.OPTIONS,
                            AllocatorOptions.OPTIONS,
                            CacheOptions.OPTIONS,
                            RunCommand.OPTIONS)
                    .flatMap(List::stream)
                    .toList();

    @Test
    void everyOptionOfRunIsInItsHelpExactlyOnce() {
        String help = Cli.run("run", "--help").out();
        Map<String, Integer> rows = new HashMap<>();
        for (String line : help.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                List<String> names = new ArrayList<>(List.of(row.group(2).split(", ")));
                if (row.group(1) != null) {
                    names.add(row.group(1));
                }
                names.forEach(name -> rows.merge(name, 1, Integer::sum));
            }
        }
        String text = help.replaceAll("\\s+", " ");
        for (OptionDescriptor<?> option : RUN_OPTIONS) {
            for (String name : option.names()) {
                assertEquals(1, rows.getOrDefault(name, 0), name + " in\n" + help);
            }
            if (!option.help().contains("${")) {
                assertEquals(1, occurrences(text, option.description()), option.description());
            }
        }
        rows.keySet().removeIf(name -> name.equals("--help") || name.equals("-h")
                || name.equals("--version") || name.equals("-V"));
        assertEquals(
                rows.keySet().size(),
                RUN_OPTIONS.stream().mapToInt(o -> o.names().size()).sum(),
                "help rows without a descriptor: " + rows.keySet());
    }

    @Test
    void everyAllocatorOptionIsInTheReadme() throws Exception {
        String readme = Files.readString(Cli.projectRoot().resolve("README.md"));
        for (OptionDescriptor<?> option : AllocatorOptions.OPTIONS) {
            for (String name : option.names()) {
                assertTrue(
                        Pattern.compile("`" + Pattern.quote(name) + "[` ]").matcher(readme).find(),
                        name + " is not in README.md");
            }
        }
    }

    static Stream<Named<AllocatorSetting<?>>> poolingSettings() {
        return named(AllocatorSettings.SETTINGS.stream().filter(s -> s.pooling() != null));
    }

    static Stream<Named<AllocatorSetting<?>>> onDemandSettings() {
        return named(AllocatorSettings.SETTINGS.stream().filter(s -> s.onDemand() != null));
    }

    static Stream<Named<AllocatorSetting<?>>> poolingOnlySettings() {
        return named(AllocatorSettings.SETTINGS.stream().filter(s -> s.onDemand() == null));
    }

    static Stream<Named<AllocatorSetting<?>>> onDemandOnlySettings() {
        return named(AllocatorSettings.SETTINGS.stream().filter(s -> s.pooling() == null));
    }

    @ParameterizedTest
    @MethodSource("poolingSettings")
    void eachPoolingSettingReachesPoolingConfig(AllocatorSetting<?> setting) throws Exception {
        assertReaches(setting, AllocatorOptions::poolingConfig, poolingBase(setting));
    }

    @ParameterizedTest
    @MethodSource("onDemandSettings")
    void eachOnDemandSettingReachesOnDemandConfig(AllocatorSetting<?> setting) throws Exception {
        assertReaches(setting, AllocatorOptions::onDemandConfig, List.of());
    }

    @ParameterizedTest
    @MethodSource("poolingSettings")
    void theHelpShowsThePoolingDefaults(AllocatorSetting<?> setting) {
        assertDefault(setting, AllocatorOptions::poolingConfig, poolingBase(setting));
    }

    @ParameterizedTest
    @MethodSource("onDemandSettings")
    void theHelpShowsTheOnDemandDefaults(AllocatorSetting<?> setting) {
        assertDefault(setting, AllocatorOptions::onDemandConfig, List.of());
    }

    @ParameterizedTest
    @MethodSource("poolingOnlySettings")
    void onDemandRefusesPoolingOnlySettings(AllocatorSetting<?> setting) {
        var options = parse(List.of(), setting, samples(setting).get(0));
        var e = assertThrows(WasmrunException.class, options::create);
        assertTrue(e.getMessage().startsWith(setting.option().displayName() + " needs the pooling"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("onDemandOnlySettings")
    void poolingRefusesOnDemandOnlySettings(AllocatorSetting<?> setting) {
        var options = parse(List.of("--pooling"), setting, samples(setting).get(0));
        var e = assertThrows(WasmrunException.class, options::create);
        assertTrue(e.getMessage().startsWith(setting.option().displayName() + " applies only"), e.getMessage());
    }

    /** Some value of {@code setting} changes exactly the component named after it, to that value. */
    private static void assertReaches(
            AllocatorSetting<?> setting, Function<AllocatorOptions, Record> config, List<String> base)
            throws Exception {
        Record before = config.apply(parse(base, null, null));
        for (String sample : samples(setting)) {
            Record after;
            try {
                after = config.apply(parse(base, setting, sample));
            } catch (WasmrunException invalid) {
                continue;
            }
            List<String> changed = new ArrayList<>();
            for (RecordComponent c : before.getClass().getRecordComponents()) {
                Object value = c.getAccessor().invoke(after);
                if (!value.equals(c.getAccessor().invoke(before))) {
                    changed.add(c.getName());
                    assertEquals(setting.option().parse(sample), value, c.getName());
                }
            }
            assertEquals(List.of(component(setting)), changed, setting.option().name() + "=" + sample);
            return;
        }
        fail("no sample value of " + setting.option().name() + " makes a valid configuration");
    }

    /**
     * The component an option sets: its name without {@code --} and {@code pooling-}, in camel
     * case ({@code --pooling-total-memories} sets {@code totalMemories}).
     */
    private static String component(AllocatorSetting<?> setting) {
        String[] words = setting.option().name().replaceFirst("^--(pooling-)?", "").split("-");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /** The default in the help, given explicitly, changes nothing (if the help's text parses). */
    private static void assertDefault(
            AllocatorSetting<?> setting, Function<AllocatorOptions, Record> config, List<String> base) {
        String shown = setting.option().defaultText();
        assertNotNull(shown, setting.option().name() + " shows no default");
        try {
            setting.option().parse(shown);
        } catch (Exception prose) {
            return;
        }
        assertEquals(config.apply(parse(base, null, null)), config.apply(parse(base, setting, shown)));
    }

    /** {@code --pooling}, with protection keys on for the setting that needs them. */
    private static List<String> poolingBase(AllocatorSetting<?> setting) {
        return setting.option() == AllocatorSettings.POOLING_MAX_MEMORY_PROTECTION_KEYS
                ? List.of("--pooling", "--pooling-memory-protection-keys=auto")
                : List.of("--pooling");
    }

    private static List<String> samples(AllocatorSetting<?> setting) {
        List<String> samples = SAMPLES.get(setting.option().label());
        assertNotNull(samples, "no sample values for " + setting.option().label());
        return samples;
    }

    private static AllocatorOptions parse(List<String> base, AllocatorSetting<?> setting, String value) {
        var options = new AllocatorOptions();
        CommandSpec spec = CommandSpec.create();
        options.addTo(spec);
        List<String> args = new ArrayList<>(base);
        if (setting != null) {
            args.add(setting.option().name() + "=" + value);
        }
        new CommandLine(spec).parseArgs(args.toArray(String[]::new));
        return options;
    }

    private static Stream<Named<AllocatorSetting<?>>> named(Stream<AllocatorSetting<?>> settings) {
        return settings.map(s -> Named.of(s.option().name(), s));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
