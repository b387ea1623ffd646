package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.text.Wat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Classes from the cache are defined when the run first needs them: a call defines the classes on
 * its path and leaves the function groups it does not reach undefined.
 */
class GeneratedClassLoaderTest {
    @Test
    void onlyTheGroupsACallReachesAreDefined() throws Exception {
        int functions = ChicoryCodegen.FUNCTIONS_PER_CLASS * 3;
        var text = new StringBuilder("(module\n");
        for (int i = 0; i < functions; i++) {
            text.append("  (func (export \"f").append(i).append("\") (param i32) (result i32) (i32.add (local.get 0) (i32.const ")
                    .append(i).append(")))\n");
        }
        text.append(")\n");
        var module = Parser.parse(Wat.toBinary(text.toString(), "groups.wat"));
        var jar = StoredJar.read(new ModuleCompiler(CompileCache.NONE).compile(module).toBytes());
        var loader = new GeneratedClassLoader(jar.classes(), null);
        assertEquals(jar.classes().keySet(), Set.copyOf(loader.undefined()));

        var machineClass = Class.forName(jar.mainClass(), true, loader).asSubclass(Machine.class);
        var constructor = machineClass.getConstructor(Instance.class);
        var instance = Instance.builder(module).withMachineFactory(i -> {
            try {
                return constructor.newInstance(i);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).build();
        int last = functions - 1;
        assertEquals(last + 5, instance.export("f" + last).apply(5)[0]);

        Map<Integer, Boolean> defined = groups(jar.classes().keySet()).stream()
                .collect(Collectors.toMap(g -> g, g -> !loader.undefined().contains(groupClass(jar.mainClass(), g))));
        assertEquals(Map.of(0, false, 1, false, 2, true), defined, "only the last function's group is defined");
        assertFalse(loader.undefined().contains(jar.mainClass()));
        assertTrue(loader.undefined().size() > 2, "other classes wait too: " + loader.undefined());
    }

    private static List<Integer> groups(Set<String> classes) {
        return classes.stream()
                .filter(name -> name.contains("FuncGroup_"))
                .map(name -> Integer.parseInt(name.substring(name.lastIndexOf('_') + 1)))
                .sorted()
                .toList();
    }

    private static String groupClass(String mainClass, int group) {
        return mainClass + "FuncGroup_" + group;
    }
}
