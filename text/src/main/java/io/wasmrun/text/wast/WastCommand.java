package io.wasmrun.text.wast;

import java.util.List;

/**
 * One script command. {@link #type()} is the command name as wast2json writes it, so a runner
 * built on wast2json's JSON can switch over it unchanged.
 */
public sealed interface WastCommand {
    /** Line of the command's opening parenthesis. */
    int line();

    String type();

    /** {@code (module ...)}: define (and unless it is a definition, instantiate) a module. */
    record ModuleCommand(int line, WastModule module) implements WastCommand {
        public String type() {
            return "module";
        }
    }

    /** {@code (module instance $instance $definition?)}. */
    record ModuleInstance(int line, String instance, String definition) implements WastCommand {
        public String type() {
            return "module_instance";
        }
    }

    /** {@code (register "as" $module?)}. */
    record Register(int line, String as, String module) implements WastCommand {
        public String type() {
            return "register";
        }
    }

    /** A bare action whose results are ignored. */
    record Action(int line, WastAction action) implements WastCommand {
        public String type() {
            return "action";
        }
    }

    record AssertReturn(int line, WastAction action, List<WastValue> expected) implements WastCommand {
        public String type() {
            return "assert_return";
        }
    }

    /** {@code assert_trap} of an action, or of a module's instantiation (then action is null). */
    record AssertTrap(int line, WastAction action, WastModule module, String text) implements WastCommand {
        public String type() {
            return "assert_trap";
        }
    }

    record AssertExhaustion(int line, WastAction action, String text) implements WastCommand {
        public String type() {
            return "assert_exhaustion";
        }
    }

    record AssertException(int line, WastAction action) implements WastCommand {
        public String type() {
            return "assert_exception";
        }
    }

    /**
     * A module assertion: {@code type} is {@code assert_invalid}, {@code assert_malformed},
     * {@code assert_unlinkable} or {@code assert_uninstantiable}.
     */
    record AssertModule(int line, String type, WastModule module, String text) implements WastCommand {}

    /** {@code (thread $name (shared (module $m))* command*)}. */
    record Thread(int line, String name, List<String> sharedModules, List<WastCommand> commands)
            implements WastCommand {
        public String type() {
            return "thread";
        }
    }

    /** {@code (wait $thread)}. */
    record Wait(int line, String thread) implements WastCommand {
        public String type() {
            return "wait";
        }
    }
}
