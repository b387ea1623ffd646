package io.wasmrun.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Applies the argument rule of {@code wasmrun run}, as wasmtime's: before MODULE every option is
 * wasmrun's. After the MODULE of a WASI command every token is the guest's argv ({@code wasmrun
 * app.wasm -V --dir x} passes {@code -V --dir x} to the guest), except {@code --invoke NAME}, so
 * that {@code wasmrun m.wasm --invoke f 1 2} works. Once {@code --invoke} is given, before or after
 * MODULE, the tokens after MODULE are the function's arguments and wasmrun's options: arguments
 * are values, never option names, so negative numbers need no {@code --}. {@code --} hands
 * everything after it to the guest or the function unchanged.
 *
 * <p>picocli cannot tell "unknown before MODULE" (an error) from "unknown after MODULE" (a guest
 * argument), so the tokens are reordered before parsing into {@code OPTIONS -- MODULE ARGS}.
 */
final class RunArguments {
    private static final String INVOKE = "--invoke";

    private RunArguments() {}

    static String[] normalize(CommandSpec run, String[] args) {
        List<String> ours = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        boolean moduleSeen = false;
        boolean invoking = false;
        for (int i = 0; i < args.length; i++) {
            String token = args[i];
            if (token.equals("--")) {
                for (int j = i + 1; j < args.length; j++) {
                    positional.add(args[j]);
                }
                break;
            }
            boolean invoke = token.equals(INVOKE) || token.startsWith(INVOKE + "=");
            OptionSpec option = !moduleSeen || invoking || invoke ? optionNamed(run, token) : null;
            if (option != null) {
                invoking |= invoke;
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
