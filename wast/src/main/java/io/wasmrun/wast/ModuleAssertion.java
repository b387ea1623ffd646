package io.wasmrun.wast;

/** How a module of a module assertion must be rejected; {@link #keyword()} names the command. */
enum ModuleAssertion {
    /** {@code assert_malformed}: it does not decode. */
    MALFORMED("assert_malformed"),
    /** {@code assert_invalid}: it decodes but does not validate. */
    INVALID("assert_invalid"),
    /** {@code assert_unlinkable}: its imports cannot be satisfied. */
    UNLINKABLE("assert_unlinkable"),
    /** {@code assert_uninstantiable} (or {@code assert_trap} of a module): initialisation traps. */
    UNINSTANTIABLE("assert_uninstantiable"),
    /** {@code assert_malformed_custom}: a malformed custom annotation, which engines may ignore. */
    MALFORMED_CUSTOM("assert_malformed_custom"),
    /** {@code assert_invalid_custom}: an invalid custom section, which engines may ignore. */
    INVALID_CUSTOM("assert_invalid_custom");

    private final String keyword;

    ModuleAssertion(String keyword) {
        this.keyword = keyword;
    }

    String keyword() {
        return keyword;
    }

    /** Whether an engine may ignore what the assertion checks (custom sections). */
    boolean isCustom() {
        return this == MALFORMED_CUSTOM || this == INVALID_CUSTOM;
    }

    /** The assertion called {@code keyword}, e.g. {@code assert_invalid}. */
    static ModuleAssertion of(String keyword) {
        for (ModuleAssertion assertion : values()) {
            if (assertion.keyword.equals(keyword)) {
                return assertion;
            }
        }
        throw new ScriptException("unknown module assertion `" + keyword + "`");
    }
}
