package io.wasmrun.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * picocli's object factory for wasmrun's command lines: collections for multi-value options and
 * no-argument constructors, as picocli's default factory does, without initialising it. That
 * factory's static initialiser looks for Groovy's {@code Closure} class, and the failed lookup
 * costs a fresh JVM 15-25 ms on every start. Anything else goes to picocli's factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <K> K create(Class<K> type) throws Exception {
        if (type == List.class || type == Collection.class) {
            return (K) new ArrayList<>();
        }
        if (type == Set.class) {
            return (K) new LinkedHashSet<>();
        }
        if (type == Map.class) {
            return (K) new LinkedHashMap<>();
        }
        if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            return CommandLine.defaultFactory().create(type);
        }
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }
}
