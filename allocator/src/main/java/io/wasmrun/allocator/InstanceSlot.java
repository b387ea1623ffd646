package io.wasmrun.allocator;

/**
 * An instance slot handed out by {@link InstanceAllocator#allocateInstance}.
 *
 * @param index the slot number; unique among live slots of one allocator
 * @param module the module the slot was allocated for
 */
public record InstanceSlot(int index, ModuleId module) {}
