package io.wasmrun.spectest.wasi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One test of the suite.
 *
 * @param name {@code FOLDER/BASE}, e.g. {@code rust/path_link} (see {@link TestFinder})
 * @param module the test's {@code .wasm} file
 * @param spec its specification, or empty when it could not be read
 * @param specError why the specification could not be read, or {@code null}
 */
record WasiTest(String name, Path module, Optional<TestSpec> spec, String specError) {

    /** The test of {@code module}, with the specification beside it (or the default). */
    static WasiTest load(String name, Path module) {
        try {
            return new WasiTest(name, module, Optional.of(SpecReader.forModule(module)), null);
        } catch (SpecException e) {
            return new WasiTest(name, module, Optional.empty(), "invalid specification: " + e.getMessage());
        } catch (IOException e) {
            return new WasiTest(name, module, Optional.empty(), "cannot read the specification: " + e);
        }
    }

    /** The base name of the module without {@code .wasm}. */
    String baseName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
