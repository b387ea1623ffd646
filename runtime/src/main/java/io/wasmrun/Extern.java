package io.wasmrun;

/**
 * Something an instance exports and another module can import: a {@link Func}, {@link Memory},
 * {@link Table}, {@link Global} or {@link Tag}. Each belongs to the {@link Store} of the instance it came from.
 */
public sealed interface Extern permits Func, Memory, Table, Global, Tag {
    /** The store this belongs to. */
    Store store();

    /** Its type. */
    ExternType type();
}
