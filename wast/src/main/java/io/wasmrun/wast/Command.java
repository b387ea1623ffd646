package io.wasmrun.wast;

import java.util.List;

/** One command of a wast script, as read from wast2json's JSON or by wasmrun's script parser. */
public sealed interface Command {

    /** The line of the command in the {@code .wast} file. */
    int line();

    /** The command's keyword as written in the script, e.g. {@code assert_return}. */
    String keyword();

    /**
     * Defines a module and, unless it is a {@code module definition}, instantiates it and makes
     * it the current one.
     *
     * @param name the module's {@code $name}, or {@code null}
     * @param module the module
     * @param definition whether the module is only defined, for {@link ModuleInstance}
     */
    record Module(int line, String name, ScriptModule module, boolean definition) implements Command {
        @Override
        public String keyword() {
            return "module";
        }
    }

    /**
     * {@code (module instance $instance $definition)}: instantiates a defined module and makes the
     * instance the current one.
     *
     * @param instance the instance's {@code $name}, or {@code null}
     * @param definition the defined module's {@code $name}, or {@code null} for the last one
     */
    record ModuleInstance(int line, String instance, String definition) implements Command {
        @Override
        public String keyword() {
            return "module instance";
        }
    }

    /**
     * Makes a module's exports importable under {@code as}.
     *
     * @param module the module's {@code $name}, or {@code null} for the current module
     */
    record Register(int line, String module, String as) implements Command {
        @Override
        public String keyword() {
            return "register";
        }
    }

    /** Performs an action and ignores its results (it must not trap). */
    record Perform(int line, Action action) implements Command {
        @Override
        public String keyword() {
            return "action";
        }
    }

    /** Performs an action and checks its results. */
    record AssertReturn(int line, Action action, List<WastValue> expected) implements Command {
        public AssertReturn {
            expected = List.copyOf(expected);
        }

        @Override
        public String keyword() {
            return "assert_return";
        }
    }

    /**
     * Performs an action that must fail.
     *
     * @param kind how it must fail
     * @param text the reference interpreter's message, e.g. {@code integer divide by zero}
     */
    record AssertFailure(int line, FailureKind kind, Action action, String text) implements Command {
        @Override
        public String keyword() {
            return kind.commandName();
        }
    }

    /**
     * Loads or instantiates a module that must be rejected.
     *
     * @param kind how it must be rejected
     * @param module the module
     * @param text the reference interpreter's message
     */
    record AssertModule(int line, ModuleKind kind, ScriptModule module, String text) implements Command {
        @Override
        public String keyword() {
            return kind.commandName();
        }
    }

    /**
     * A command the runner cannot execute (e.g. {@code thread}); it is skipped with its reason.
     *
     * @param keyword the command's keyword
     * @param reason why it cannot run
     */
    record Unsupported(int line, String keyword, String reason) implements Command {}

    /** How an action must fail. */
    enum FailureKind {
        /** {@code assert_trap}: a trap. */
        TRAP("assert_trap"),
        /** {@code assert_exhaustion}: the call stack runs out. */
        EXHAUSTION("assert_exhaustion"),
        /** {@code assert_exception}: an uncaught wasm exception. */
        EXCEPTION("assert_exception");

        private final String commandName;

        FailureKind(String commandName) {
            this.commandName = commandName;
        }

        public String commandName() {
            return commandName;
        }
    }

    /** How a module must be rejected. */
    enum ModuleKind {
        /** {@code assert_malformed}: it does not decode. */
        MALFORMED("assert_malformed"),
        /** {@code assert_invalid}: it decodes but does not validate. */
        INVALID("assert_invalid"),
        /** {@code assert_unlinkable}: its imports cannot be satisfied. */
        UNLINKABLE("assert_unlinkable"),
        /** {@code assert_uninstantiable}: initialisation or the start function traps. */
        UNINSTANTIABLE("assert_uninstantiable"),
        /**
         * {@code assert_malformed_custom}: a custom annotation is malformed, which engines that
         * do not interpret the custom section may ignore.
         */
        MALFORMED_CUSTOM("assert_malformed_custom"),
        /** {@code assert_invalid_custom}: a custom section is invalid; engines may ignore it. */
        INVALID_CUSTOM("assert_invalid_custom");

        private final String commandName;

        ModuleKind(String commandName) {
            this.commandName = commandName;
        }

        public String commandName() {
            return commandName;
        }
    }
}
