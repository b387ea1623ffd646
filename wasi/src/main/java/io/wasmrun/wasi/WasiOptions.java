package io.wasmrun.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a WASI guest sees of the host: argv, environment, preopened directories and the three
 * standard streams. Each stream is either the process's own descriptor ({@link
 * Builder#inheritStdio()}, the command line's choice: the guest reads and writes fd 0-2 directly)
 * or a Java stream (embedders and tests); by default input is empty and output discarded.
 */
public final class WasiOptions {
    private final List<String> args;
    private final Map<String, String> env;
    private final List<Preopen> preopens;
    private final List<Integer> listeners;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final boolean[] inherit;

    private WasiOptions(Builder b) {
        this.args = List.copyOf(b.args);
        this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
        this.preopens = List.copyOf(b.preopens);
        this.listeners = List.copyOf(b.listeners);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.inherit = b.inherit.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    public List<Preopen> preopens() {
        return preopens;
    }

    /** Listening sockets' descriptors, numbered after the preopened directories. */
    public List<Integer> listeners() {
        return listeners;
    }

    public InputStream stdin() {
        return stdin;
    }

    public OutputStream stdout() {
        return stdout;
    }

    public OutputStream stderr() {
        return stderr;
    }

    /** Whether standard descriptor {@code fd} (0, 1 or 2) is the process's own. */
    public boolean inherits(int fd) {
        return inherit[fd];
    }

    /** Builds {@link WasiOptions}. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private final List<Integer> listeners = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private final boolean[] inherit = new boolean[3];

        private Builder() {}

        /** argv; the first is the program's name. */
        public Builder withArguments(List<String> arguments) {
            args.clear();
            args.addAll(arguments);
            return this;
        }

        public Builder withEnvironment(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder withPreopen(Preopen preopen) {
            preopens.add(preopen);
            return this;
        }

        /**
         * A listening socket (a Linux descriptor) the guest accepts connections on with {@code
         * sock_accept}; the WASI host takes it over and closes it.
         */
        public Builder withListener(int socketFd) {
            listeners.add(socketFd);
            return this;
        }

        public Builder withStdin(InputStream in) {
            stdin = in;
            inherit[0] = false;
            return this;
        }

        public Builder withStdout(OutputStream out) {
            stdout = out;
            inherit[1] = false;
            return this;
        }

        public Builder withStderr(OutputStream err) {
            stderr = err;
            inherit[2] = false;
            return this;
        }

        /** The guest uses the process's descriptors 0, 1 and 2 themselves. */
        public Builder inheritStdio() {
            java.util.Arrays.fill(inherit, true);
            return this;
        }

        public WasiOptions build() {
            return new WasiOptions(this);
        }
    }
}
