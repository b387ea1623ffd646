package io.wasmrun;

import com.dylibso.chicory.runtime.TagInstance;

/**
 * An exception tag of an instance (exception-handling proposal). A module that imports it throws
 * and catches the same exceptions as the instance that defines it.
 */
public final class Tag implements Extern {
    private final Store store;
    private final TagInstance tag;

    Tag(Store store, TagInstance tag) {
        this.store = store;
        this.tag = tag;
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public TagType type() {
        return new TagType(ChicoryTypes.funcType(tag.type()));
    }

    TagInstance chicory() {
        return tag;
    }

    @Override
    public String toString() {
        return "Tag[" + type().type() + "]";
    }
}
