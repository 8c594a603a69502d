package io.javakeepalived.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Pointer;

/**
 * A direct, native-order {@link ByteBuffer} together with a jnr {@link Pointer} to the same
 * memory. Java code reads and writes through the buffer with absolute gets and puts; native calls
 * get the pointer. Allocated once per socket and reused, so sending and receiving never allocate.
 * Not thread-safe.
 */
final class NativeBuffer {
    final ByteBuffer buf;
    final Pointer ptr;

    NativeBuffer(int size) {
        this.buf = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        this.ptr = Pointer.wrap(Native.RUNTIME, buf);
    }

    int capacity() {
        return buf.capacity();
    }

    long address() {
        return ptr.address();
    }

    /** Pointer to {@code offset} bytes into this buffer. */
    Pointer at(int offset) {
        return ptr.slice(offset);
    }

    void clear(int from, int to) {
        for (int i = from; i < to; i++) {
            buf.put(i, (byte) 0);
        }
    }
}
