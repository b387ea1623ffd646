package io.wasmrun.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Applies the argument-order rule of {@code wasmrun run}: before MODULE every option must be
 * wasmrun's; after MODULE wasmrun's own options are still recognised, any other token goes to the
 * guest, and {@code --} hands everything after it to the guest unchanged.
 *
 * <p>picocli cannot tell "unknown before MODULE" (an error) from "unknown after MODULE" (a guest
 * argument), so the tokens are reordered before parsing into {@code OPTIONS -- MODULE ARGS}.
 */
final class RunArguments {
    private RunArguments() {}

    static String[] normalize(CommandSpec run, String[] args) {
        List<String> ours = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        boolean moduleSeen = false;
        for (int i = 0; i < args.length; i++) {
            String token = args[i];
            if (token.equals("--")) {
                for (int j = i + 1; j < args.length; j++) {
                    positional.add(args[j]);
                }
                break;
            }
            OptionSpec option = optionNamed(run, token);
            if (option != null) {
                ours.add(token);
                if (takesSeparateValue(option, token) && i + 1 < args.length) {
                    ours.add(args[++i]);
                }
            } else if (!moduleSeen && token.startsWith("-") && token.length() > 1) {
                ours.add(token);
            } else {
                moduleSeen = true;
                positional.add(token);
            }
        }
        List<String> result = new ArrayList<>(ours);
        if (!positional.isEmpty()) {
            result.add("--");
            result.addAll(positional);
        }
        return result.toArray(String[]::new);
    }

    private static OptionSpec optionNamed(CommandSpec spec, String token) {
        if (!token.startsWith("-") || token.length() < 2) {
            return null;
        }
        int eq = token.indexOf('=');
        String name = eq > 0 ? token.substring(0, eq) : token;
        return spec.optionsMap().get(name);
    }

    private static boolean takesSeparateValue(OptionSpec option, String token) {
        return option.arity().min() > 0 && token.indexOf('=') < 0;
    }
}
