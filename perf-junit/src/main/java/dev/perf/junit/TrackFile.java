package dev.perf.junit;

import dev.perf.scenario.Threshold;
import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.TrackFileReader;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The thresholds kept beside the tests, in {@value #RESOURCE} on the test classpath ({@code src/test/resources}). */
final class TrackFile {
    static final String RESOURCE = "perf-track.yaml";
    private static final Map<ClassLoader, Map<String, List<Threshold>>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private TrackFile() {
    }

    /** The thresholds for {@code test} from the file, none when it has none or there is no file. */
    static List<Threshold> thresholds(Class<?> testClass, String test) {
        ClassLoader loader = testClass.getClassLoader();
        return CACHE.computeIfAbsent(loader, TrackFile::read).getOrDefault(test, List.of());
    }

    private static Map<String, List<Threshold>> read(ClassLoader loader) {
        URL url = loader.getResource(RESOURCE);
        if (url == null) {
            return Map.of();
        }
        Path file = path(url);
        String text;
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes(TrackFileReader.MAX_BYTES + 1);
            if (bytes.length > TrackFileReader.MAX_BYTES) {
                throw new ExtensionConfigurationException(file + " is larger than " + TrackFileReader.MAX_BYTES / 1024
                        / 1024 + " MiB, the limit for " + RESOURCE);
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ExtensionConfigurationException(file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return TrackFileReader.parse(file, text);
        } catch (ScenarioException e) {
            throw new ExtensionConfigurationException(e.getMessage());
        }
    }

    private static Path path(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Path.of(url.toURI()) : Path.of(RESOURCE);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(RESOURCE);
        }
    }
}
