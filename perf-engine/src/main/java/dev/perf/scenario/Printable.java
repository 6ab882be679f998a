package dev.perf.scenario;

/**
 * Text from outside (a target's status line or error text, a name, a value quoted in a message) made safe to print:
 * control characters become visible escapes, so nothing reaching a terminal, an XML file or a web page can move the
 * cursor, clear the screen, end a document or hide in it.
 */
public final class Printable {
    /** A value quoted in a message is cut to about this many characters. */
    public static final int MAX_QUOTED = 120;

    private Printable() {
    }

    /**
     * Control characters (C0 and C1, DEL, and U+2028/U+2029), lone surrogates and U+FFFE/U+FFFF as {@code \\u001b};
     * line breaks and tabs too, so that one value stays on one line.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = firstUnsafe(text, false);
        return i < 0 ? text : escapeFrom(text, i, false);
    }

    /** As {@link #escape}, keeping line breaks and tabs: for whole messages of several lines. */
    public static String escapeKeepingLines(String text) {
        if (text == null) {
            return null;
        }
        int i = firstUnsafe(text, true);
        return i < 0 ? text : escapeFrom(text, i, true);
    }

    /** {@link #escape}d and cut to {@value #MAX_QUOTED} characters, saying how long it was. */
    public static String quoted(String text) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= MAX_QUOTED ? text
                : text.substring(0, MAX_QUOTED - 20) + "… (" + text.length() + " characters)";
        return escape(cut);
    }

    private static int firstUnsafe(String text, boolean keepLines) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text, i, keepLines)) {
                return i;
            }
        }
        return -1;
    }

    private static String escapeFrom(String text, int from, boolean keepLines) {
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, from);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(text, i, keepLines)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c)) {
                    out.append(text.charAt(++i));
                }
            }
        }
        return out.toString();
    }

    private static boolean unsafe(String text, int i, boolean keepLines) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\t' || c == '\r') {
            return !keepLines || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufffe' || c == '\uffff') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
