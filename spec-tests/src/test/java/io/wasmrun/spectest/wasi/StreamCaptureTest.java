package io.wasmrun.spectest.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamCaptureTest {
    @Test
    void readsContinueWhereTheLastEndedAndTheRestIsNotConsumed() throws Exception {
        StreamCapture capture = ended("hello, world");

        assertEquals("hello", capture.read(5, deadline()));
        assertEquals(", ", capture.read(2, deadline()));
        assertEquals("", capture.read(0, deadline()));
        assertEquals("hello, world", capture.all());
    }

    @Test
    void aReadAtTheEndGetsWhatIsLeft() throws Exception {
        StreamCapture capture = ended("hel");

        assertEquals("hel", capture.read(5, deadline()));
        assertEquals("", capture.read(5, deadline()));
    }

    @Test
    void newlinesAreUniversalAndTextIsUtf8() throws Exception {
        StreamCapture capture = ended("a\r\nb\rc\nd\u00e9\r");

        assertEquals("a\nb\nc\nd\u00e9\n", capture.read(100, deadline()));
    }

    @Test
    void aReadWaitsForOutputAndGivesUpAtTheDeadline() throws Exception {
        var pipe = new PipedOutputStream();
        StreamCapture capture = StreamCapture.start(new PipedInputStream(pipe), "test");
        pipe.write("pi".getBytes(StandardCharsets.UTF_8));
        pipe.flush();

        assertNull(capture.read(4, System.nanoTime() + 200_000_000L), "the stream stays open");

        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
                pipe.write("ng".getBytes(StandardCharsets.UTF_8));
                pipe.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals("ping", capture.read(4, deadline()));
    }

    private static StreamCapture ended(String text) throws InterruptedException {
        StreamCapture capture = StreamCapture.start(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
        capture.awaitEnd(5000);
        return capture;
    }

    private static long deadline() {
        return System.nanoTime() + 10_000_000_000L;
    }
}
