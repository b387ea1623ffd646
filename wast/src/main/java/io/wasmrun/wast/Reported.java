package io.wasmrun.wast;

import io.wasmrun.text.wast.WastCommand;

/**
 * The line and keyword under which a command's outcome is reported. An assertion has the line
 * of its action or module, where wast2json reports it and so where expectations files point;
 * {@code assert_trap} of a module is reported as {@code assert_uninstantiable}.
 */
final class Reported {
    private Reported() {}

    static int line(WastCommand command) {
        return switch (command) {
            case WastCommand.Action c -> c.action().line();
            case WastCommand.AssertReturn c -> c.action().line();
            case WastCommand.AssertTrap c -> c.action() == null ? c.module().line() : c.action().line();
            case WastCommand.AssertExhaustion c -> c.action().line();
            case WastCommand.AssertException c -> c.action().line();
            case WastCommand.AssertModule c -> c.module().line();
            default -> command.line();
        };
    }

    static String keyword(WastCommand command) {
        return switch (command) {
            case WastCommand.ModuleInstance c -> "module instance";
            case WastCommand.AssertTrap c when c.action() == null -> ModuleAssertion.UNINSTANTIABLE.keyword();
            default -> command.type();
        };
    }
}
