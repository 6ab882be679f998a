package dev.perf.scenario;

import java.nio.file.Path;

/**
 * One part of a {@code multipart/form-data} body: a text value (it may hold runtime variables) or a file's bytes.
 *
 * @param name        the form field's name
 * @param value       the text, or {@code null} for a file part
 * @param file        the file, or {@code null} for a text part
 * @param contentType the part's Content-Type, or {@code null} for the default (text/plain; a file's guessed type)
 */
public record Part(String name, String value, Path file, String contentType) {
}
