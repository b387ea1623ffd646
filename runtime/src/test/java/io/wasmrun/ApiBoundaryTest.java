package io.wasmrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages an embedder uses name no Chicory type in any public signature (parameters,
 * results, exceptions, fields, supertypes, type arguments), so wasmrun can change engines without
 * breaking them. Chicory interop, if any, belongs in a package whose name ends in {@code .chicory}.
 */
class ApiBoundaryTest {
    static final List<String> API_PACKAGES = List.of("io.wasmrun", "io.wasmrun.wasi", "io.wasmrun.allocator.config");

    @Test
    void noPublicSignatureOfAnApiPackageNamesAChicoryType() throws Exception {
        Set<String> leaks = new TreeSet<>();
        int types = 0;
        for (String pkg : API_PACKAGES) {
            for (Class<?> type : publicTypes(pkg)) {
                types++;
                leaks.addAll(leaksOf(type));
            }
        }
        assertTrue(types > 30, "found the API's types: " + types);
        assertEquals(Set.of(), leaks);
    }

    private static List<String> leaksOf(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        check(leaks, type.getName() + " extends", type.getGenericSuperclass());
        for (Type i : type.getGenericInterfaces()) {
            check(leaks, type.getName() + " implements", i);
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers())) {
                check(leaks, type.getName() + "." + f.getName(), f.getGenericType());
            }
        }
        List<Executable> members = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        Collections.addAll(members, type.getDeclaredMethods());
        for (Executable e : members) {
            if (!visible(e.getModifiers()) || e.isSynthetic()) {
                continue;
            }
            String where = type.getName() + "." + e.getName();
            if (e instanceof Method m) {
                check(leaks, where + " returns", m.getGenericReturnType());
            }
            for (Type p : e.getGenericParameterTypes()) {
                check(leaks, where + " takes", p);
            }
            for (Type x : e.getGenericExceptionTypes()) {
                check(leaks, where + " throws", x);
            }
        }
        return leaks;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, String where, Type type) {
        if (type == null) {
            return;
        }
        switch (type) {
            case Class<?> c -> {
                Class<?> element = c;
                while (element.isArray()) {
                    element = element.getComponentType();
                }
                if (element.getName().startsWith("com.dylibso.chicory.")) {
                    leaks.add(where + " " + element.getName());
                }
            }
            case ParameterizedType p -> {
                check(leaks, where, p.getRawType());
                for (Type a : p.getActualTypeArguments()) {
                    check(leaks, where, a);
                }
            }
            case WildcardType w -> {
                Stream.of(w.getUpperBounds()).forEach(b -> check(leaks, where, b));
                Stream.of(w.getLowerBounds()).forEach(b -> check(leaks, where, b));
            }
            case GenericArrayType a -> check(leaks, where, a.getGenericComponentType());
            case TypeVariable<?> v -> Stream.of(v.getBounds())
                    .filter(b -> !(b instanceof TypeVariable<?>))
                    .forEach(b -> check(leaks, where, b));
            default -> throw new AssertionError("unknown type " + type);
        }
    }

    /** The public top-level and nested types of {@code pkg} (not of its subpackages). */
    static List<Class<?>> publicTypes(String pkg) throws IOException, URISyntaxException, ClassNotFoundException {
        String path = pkg.replace('.', '/');
        Set<String> names = new TreeSet<>();
        var resources = ApiBoundaryTest.class.getClassLoader().getResources(path + "/");
        while (resources.hasMoreElements()) {
            URL url = resources.nextElement();
            if (url.getProtocol().equals("jar")) {
                try (var jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(path + "/") && n.endsWith(".class") && n.indexOf('/', path.length() + 1) < 0)
                            .forEach(n -> names.add(n.substring(path.length() + 1, n.length() - 6)));
                }
            } else {
                try (var files = Files.list(Path.of(url.toURI()))) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                            .forEach(n -> names.add(n.substring(0, n.length() - 6)));
                }
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            if (name.equals("package-info") || name.equals("module-info")) {
                continue;
            }
            Class<?> type = Class.forName(pkg + "." + name, false, ApiBoundaryTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers()) && isReachable(type)) {
                types.add(type);
            }
        }
        return types;
    }

    /** Public, and if nested, nested in public types only. */
    private static boolean isReachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
