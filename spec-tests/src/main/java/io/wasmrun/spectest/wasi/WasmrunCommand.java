package io.wasmrun.spectest.wasi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line that runs a test module with the wasmrun CLI, as a user would type it:
 * {@code LAUNCHER run [OPTIONS] [--dir COPY::/] [--env K=V]... MODULE -- ARGS...}. The guest's
 * environment is exactly the {@code --env} entries (wasmrun passes no host variable unless asked);
 * {@code --} hands the arguments to the guest unchanged, even ones that look like options.
 *
 * @param launcher the command that starts wasmrun (e.g. {@code scripts/wasmrun})
 * @param options wasmrun options placed before the module (e.g. {@code --engine interpreter})
 */
record WasmrunCommand(List<String> launcher, List<String> options) {
    WasmrunCommand {
        launcher = List.copyOf(launcher);
        options = List.copyOf(options);
        if (launcher.isEmpty()) {
            throw new IllegalArgumentException("no wasmrun command");
        }
    }

    /** The command for {@code run} of {@code module}, with {@code root} the copy preopened as {@code /}. */
    List<String> argv(Path module, Operation.Run run, Optional<Path> root) {
        List<String> argv = new ArrayList<>(launcher);
        argv.add("run");
        argv.addAll(options);
        root.ifPresent(dir -> {
            argv.add("--dir");
            argv.add(dir + "::/");
        });
        for (Map.Entry<String, String> variable : run.env().entrySet()) {
            argv.add("--env");
            argv.add(variable.getKey() + "=" + variable.getValue());
        }
        argv.add(module.toString());
        argv.add("--");
        argv.addAll(run.args());
        return argv;
    }
}
