package io.wasmrun.cli.repl;

import java.util.List;

/**
 * {@code :define [NAME] (module ...)}: a module written in the text format at the prompt, over
 * several lines if its parentheses are still open. Module fields alone ({@code (func ...)}) are
 * a module too. Without a NAME it is called {@code inline}, {@code inline2}, ...
 */
final class DefineCommand implements Command {

    @Override
    public String name() {
        return "define";
    }

    @Override
    public String usage() {
        return ":define [NAME] (module ...)";
    }

    @Override
    public String summary() {
        return "define a module in the text format, continuing over lines until the parentheses close";
    }

    @Override
    public List<String> hintArguments() {
        return List.of("[NAME]", "(module...)");
    }

    @Override
    public boolean rawArguments() {
        return true;
    }

    @Override
    public void run(Session session, Arguments args) {
        String raw = args.raw();
        String name = null;
        String text = raw;
        if (!raw.startsWith("(")) {
            int end = firstWhitespace(raw);
            name = raw.substring(0, end);
            text = raw.substring(end).strip();
        }
        if (text.isEmpty()) {
            throw args.usageError();
        }
        ReplModule module = session.modules().load(new ModuleSource.Inline(text), name != null ? name : freeName(session));
        session.out().println(Describe.loaded(module));
    }

    private static int firstWhitespace(String text) {
        int i = 0;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String freeName(Session session) {
        String name = "inline";
        for (int n = 2; session.modules().find(name).isPresent(); n++) {
            name = "inline" + n;
        }
        return name;
    }
}
