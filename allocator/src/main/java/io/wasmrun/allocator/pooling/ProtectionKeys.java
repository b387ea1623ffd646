package io.wasmrun.allocator.pooling;

import java.lang.foreign.MemorySegment;

/**
 * The memory-protection-key operations the pool needs (Intel MPK through {@code pkey_alloc},
 * {@code pkey_mprotect} and {@code pkey_set}), behind an interface so that striping and key
 * assignment can be tested on machines without keys. {@link #system()} is the real one.
 *
 * <p>Key 0 is the default key of all other memory; it is never handed out and a thread's access
 * to it is never restricted.
 */
public interface ProtectionKeys {

    /** Whether the CPU and the kernel support keys (a key can be allocated and freed). */
    boolean isSupported();

    /**
     * Allocates up to {@code max} keys, fewer if the kernel runs out (it has 15 at most).
     *
     * @return the key numbers, never 0
     */
    int[] allocate(int max);

    /** Tags {@code length} bytes at {@code address} with {@code key} and sets their protection. */
    void protect(MemorySegment address, long length, int prot, int key);

    /** Sets the calling thread's rights for {@code key}: 0, or {@link #DISABLE_ACCESS}. */
    void setRights(int key, int rights);

    /** The calling thread's rights for {@code key}. */
    int rights(int key);

    /** Frees the keys from {@link #allocate}. */
    void free(int[] keys);

    /** {@code PKEY_DISABLE_ACCESS}: neither reads nor writes. */
    int DISABLE_ACCESS = 0x1;

    /** {@code PKEY_DISABLE_WRITE}: reads only. */
    int DISABLE_WRITE = 0x2;

    /** The C library's keys, through FFM. */
    static ProtectionKeys system() {
        return SystemProtectionKeys.INSTANCE;
    }
}
