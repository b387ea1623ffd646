package io.wasmrun.wasi.guest;

import com.dylibso.chicory.wasm.ChicoryException;

/**
 * A WASI call's argument points outside the guest's memory, wraps around it, or is not aligned
 * for what it points to. Like wasmtime, wasmrun traps: the guest broke the ABI, and no errno
 * would let it go on safely. It is a Chicory exception so that the engines report it as the trap
 * it is, with the guest's backtrace.
 */
public final class GuestFault extends ChicoryException {
    private GuestFault(String message) {
        super(message);
    }

    static GuestFault outOfBounds(long address, long length, long size) {
        return new GuestFault(
                "out of bounds memory access: a WASI argument of "
                        + Long.toUnsignedString(length)
                        + " bytes at "
                        + Long.toUnsignedString(address)
                        + " is outside the memory's "
                        + size
                        + " bytes");
    }

    static GuestFault misaligned(long address, int align) {
        return new GuestFault(
                "misaligned pointer: a WASI argument at " + address + " must be aligned to " + align + " bytes");
    }
}
