package dev.perf.scenario.yaml;

import org.yaml.snakeyaml.nodes.Node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The files a scenario may name (bodies, includes, feeders, multipart parts, trust stores): after every symbolic link
 * is followed they must lie inside the project's folder (the Maven property {@code project.basedir}; without it, the
 * scenario's own folder), unless {@code -D}{@value #ALLOW_OUTSIDE}{@code =true} says otherwise. Files are read with a
 * limit on the bytes actually read, not on the size a file claims ({@code /proc} files claim 0 bytes).
 * A problem names the file and never shows what it holds.
 */
final class ProjectFiles {
    /** The opt-in property for files outside the project. */
    static final String ALLOW_OUTSIDE = "perf.allowFilesOutsideProject";

    private final Path root;
    private final boolean allowOutside;

    private ProjectFiles(Path root, boolean allowOutside) {
        this.root = root;
        this.allowOutside = allowOutside;
    }

    /** The project of a scenario file, as the properties of {@code substitutor} tell. */
    static ProjectFiles of(Substitutor substitutor, Path scenarioFile) {
        String basedir = substitutor.property("project.basedir");
        Path root = basedir != null && !basedir.isBlank() ? Path.of(basedir)
                : scenarioFile.toAbsolutePath().getParent();
        try {
            root = root.toRealPath();
        } catch (IOException e) {
            root = root.toAbsolutePath().normalize();
        }
        return new ProjectFiles(root, "true".equalsIgnoreCase(String.valueOf(substitutor.property(ALLOW_OUTSIDE)).trim()));
    }

    /**
     * A regular file named at {@code at}, inside the project, of at most {@code maxBytes} as it claims; or
     * {@code null} with a problem recorded. {@code name} is relative to the naming file's folder.
     */
    Path check(YamlDoc doc, Node at, String field, String name, long maxBytes) {
        Path file;
        Path real;
        try {
            file = doc.resolve(name);
            real = file.toRealPath();
        } catch (java.nio.file.InvalidPathException e) {
            doc.problem(at, field, "'" + name + "' is not a file name: " + e.getReason());
            return null;
        } catch (IOException e) {
            file = doc.resolve(name);
            doc.problem(at, field, "'" + name + "' is not a file (looked for " + file + "); a relative path starts at "
                    + "the folder of the file that names it");
            return null;
        }
        if (!allowOutside && !real.startsWith(root)) {
            doc.problem(at, field, "'" + name + "' is " + (real.equals(file) ? "" : "(through a symbolic link) ")
                    + real + ", outside the project folder " + root + "; a scenario reads only files inside its "
                    + "project, unless -D" + ALLOW_OUTSIDE + "=true allows others");
            return null;
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            doc.problem(at, field, "'" + name + "' is not a regular file (" + real + ")");
            return null;
        }
        try {
            if (Files.size(real) > maxBytes) {
                doc.problem(at, field, "'" + name + "' is larger than " + size(maxBytes) + ", the limit for this kind of file");
                return null;
            }
        } catch (IOException e) {
            doc.problem(at, field, "'" + name + "' cannot be read: " + e.getClass().getSimpleName());
            return null;
        }
        return real;
    }

    /** Reads at most {@code maxBytes}; a file that holds more is refused whatever size it claims. */
    static byte[] read(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(file, maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Bytes as UTF-8 text; malformed input is refused (saying on which line), not replaced. */
    static String utf8(byte[] bytes) throws NotUtf8 {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new NotUtf8(line);
        }
        return out.flip().toString();
    }

    /** Text that is not UTF-8, from its first bad byte's line on. */
    static final class NotUtf8 extends java.nio.charset.CharacterCodingException {
        final int line;

        NotUtf8(int line) {
            this.line = line;
        }
    }

    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / 1024 / 1024 + " MiB" : bytes / 1024 + " KiB";
    }

    /** A file held more than it was allowed to. */
    static final class TooLarge extends IOException {
        TooLarge(Path file, long maxBytes) {
            super(file + " holds more than " + size(maxBytes) + ", the limit for this kind of file");
        }
    }
}
