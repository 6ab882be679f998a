package dev.perf.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Run ids such as {@code 20261127-143005-customer-api-k3f9q2}: sortable and readable, and unique across processes and
 * machines (a random suffix of 30 bits), because builds on several runners may record a scenario of the same name in
 * the same second into one shared history, whose run ids are unique.
 */
final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuv";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next(Path outputDirectory, String scenarioName, LocalDateTime now) {
        String base = STAMP.format(now) + "-" + scenarioName.replaceAll("[^A-Za-z0-9_.-]+", "_") + "-";
        String id;
        do {
            id = base + suffix();
        } while (Files.exists(outputDirectory.resolve(id)));
        return id;
    }

    private static String suffix() {
        int bits = RANDOM.nextInt(1 << 30);
        char[] chars = new char[6];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(bits & 31);
            bits >>>= 5;
        }
        return new String(chars);
    }
}
