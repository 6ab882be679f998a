package dev.perf.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes and reads perf's JSON files as the types of {@code dev.perf.result}. Writes go to a temporary file that is
 * then moved into place, so a reader never sees half a file. Reads accept fields a later version may add.
 */
public final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultJson() {
    }

    /** Writes {@code value} to {@code file} atomically. */
    public static void write(Object value, Path file) throws IOException {
        byte[] bytes = bytes(value);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    public static byte[] bytes(Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** @throws IOException when the file cannot be read or does not have the type's shape */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }

    /** @throws IOException when the bytes do not have the type's shape */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }
}
