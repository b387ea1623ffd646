package io.wasmrun.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code wasmrun --version}: wasmrun's own version, Chicory's and the JVM's. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        var properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {
            "wasmrun " + properties.getProperty("version", "unknown"),
            "chicory " + properties.getProperty("chicory", "unknown"),
            "java " + Runtime.version()
        };
    }
}
