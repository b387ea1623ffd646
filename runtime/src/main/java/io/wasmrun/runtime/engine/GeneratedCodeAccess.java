package io.wasmrun.runtime.engine;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import java.util.function.Function;

/**
 * Lets the compiler's generated classes call this package when wasmrun runs as a named module
 * (on the module path): their calls were redirected here ({@code EngineCallRedirect}), but they
 * live in the unnamed module of Chicory's class loader, and {@code module-info} exports this
 * package to nobody. The first machine of each such loader has the package exported to it. On
 * the class path (the command line) everything is one unnamed module and nothing is wrapped.
 */
public final class GeneratedCodeAccess {
    private static final Module SELF = GeneratedCodeAccess.class.getModule();

    private GeneratedCodeAccess() {}

    /** {@code factory}, exporting this package to the module of every machine it makes. */
    public static Function<Instance, Machine> opened(Function<Instance, Machine> factory) {
        if (!SELF.isNamed()) {
            return factory;
        }
        return instance -> {
            Machine machine = factory.apply(instance);
            Module generated = machine.getClass().getModule();
            if (!SELF.isExported(GeneratedCodeAccess.class.getPackageName(), generated)) {
                SELF.addExports(GeneratedCodeAccess.class.getPackageName(), generated);
            }
            return machine;
        };
    }
}
