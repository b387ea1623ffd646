package io.wasmrun.spectest.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Collects one output stream of a test process on its own thread, so the process never blocks on
 * a full pipe, and lets the runner read it the way the reference runner reads its text-mode pipe:
 * decoded as UTF-8 with universal newlines ({@code \r\n} and a lone {@code \r} read as
 * {@code \n}), and {@link #read} waits until it has the characters asked for, the stream ends or
 * the deadline passes.
 */
final class StreamCapture {
    /** Output kept at most; a guest writing without end is not kept in memory whole. */
    static final int MAX_CHARS = 4 << 20;

    private final StringBuilder text = new StringBuilder();
    private final Thread thread;
    private int position;
    private boolean ended;
    private boolean truncated;
    private boolean pendingReturn;

    private StreamCapture(InputStream stream, String name) {
        thread = Thread.ofPlatform().daemon().name(name).unstarted(() -> drain(stream));
    }

    /** Starts collecting {@code stream}. */
    static StreamCapture start(InputStream stream, String name) {
        var capture = new StreamCapture(stream, name);
        capture.thread.start();
        return capture;
    }

    /**
     * The next {@code length} characters, fewer if the stream ends first; {@code null} if the
     * deadline ({@link System#nanoTime()}) passes first.
     */
    synchronized String read(int length, long deadline) throws InterruptedException {
        while (!ended && text.length() - position < length) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        int end = Math.min(text.length(), position + length);
        String read = text.substring(position, end);
        position = end;
        return read;
    }

    /** Waits up to {@code millis} for the stream to end (the process has exited). */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    /** Everything collected so far, read or not. */
    synchronized String all() {
        return truncated ? text + "\n[... output cut at " + MAX_CHARS + " characters]" : text.toString();
    }

    private void drain(InputStream stream) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // The stream was closed under us (the process was killed): what came so far counts.
        } finally {
            finish();
        }
    }

    private synchronized void append(char[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            char c = buffer[i];
            if (pendingReturn) {
                pendingReturn = false;
                put('\n');
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\r') {
                pendingReturn = true;
            } else {
                put(c);
            }
        }
        notifyAll();
    }

    private synchronized void finish() {
        if (pendingReturn) {
            pendingReturn = false;
            put('\n');
        }
        ended = true;
        notifyAll();
    }

    private void put(char c) {
        if (text.length() < MAX_CHARS) {
            text.append(c);
        } else {
            truncated = true;
        }
    }
}
