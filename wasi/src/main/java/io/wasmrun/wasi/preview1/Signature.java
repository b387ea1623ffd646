package io.wasmrun.wasi.preview1;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.wasmrun.wasi.WasiError;
import io.wasmrun.wasi.guest.GuestMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one WASI function body into a Chicory host function: parameters typed by a short
 * signature ({@code i} for {@code i32}, {@code I} for {@code i64}), an {@code i32} errno result,
 * and the boundary where a {@link WasiError} becomes that errno.
 */
final class Signature {
    /** A WASI function body: the guest's memory and its arguments in, an errno out. */
    @FunctionalInterface
    interface Body {
        int call(GuestMemory memory, long[] args);
    }


    private Signature() {}

    static HostFunction function(String name, String params, Body body) {
        return new HostFunction(
                WasiPreview1.MODULE,
                name,
                FunctionType.of(types(params), List.of(ValType.I32)),
                (Instance instance, long... args) -> {
                    int errno;
                    try {
                        errno = body.call(new GuestMemory(instance.memory()), args);
                    } catch (WasiError e) {
                        errno = e.errno();
                    }
                    return new long[] {errno};
                });
    }

    static List<ValType> types(String params) {
        List<ValType> types = new ArrayList<>(params.length());
        for (char c : params.toCharArray()) {
            types.add(c == 'I' ? ValType.I64 : ValType.I32);
        }
        return types;
    }
}
