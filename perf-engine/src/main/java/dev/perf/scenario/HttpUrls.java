package dev.perf.scenario;

import java.net.URI;
import java.net.URISyntaxException;

/** The one rule for target URLs, shared by the YAML loader and the {@code perf.baseUrl} override. */
public final class HttpUrls {

    private HttpUrls() {
    }

    /** @return what is wrong with {@code url}, or {@code null} when it is an absolute http(s) URL with a host */
    public static String problem(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                return "'" + shown(url) + "' is not valid; expected an absolute http:// or https:// URL with a host, "
                        + "e.g. http://localhost:8080";
            }
            if (uri.getPort() > 65535) {
                return "'" + shown(url) + "' has port " + uri.getPort() + "; a port is from 1 to 65535";
            }
            if (uri.getPort() == 0) {
                return "'" + shown(url) + "' has port 0; a port is from 1 to 65535";
            }
            return null;
        } catch (URISyntaxException e) {
            return "'" + shown(url) + "' is not a URL (" + e.getReason() + "); e.g. http://localhost:8080";
        }
    }

    /**
     * The credentials in a URL's user info ({@code https://user:password@host}): the password and the whole
     * {@code user:password} (which Basic authentication sends in Base64); empty when there are none.
     */
    public static java.util.List<String> credentials(String url) {
        try {
            String userInfo = new URI(url).getRawUserInfo();
            if (userInfo == null || userInfo.isEmpty()) {
                return java.util.List.of();
            }
            String decoded = java.net.URLDecoder.decode(userInfo.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? java.util.List.of(decoded)
                    : java.util.List.of(decoded.substring(colon + 1), decoded, userInfo);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return java.util.List.of();
        }
    }

    /** The URL as a message may show it: without a password, printable, cut when long. */
    private static String shown(String url) {
        return Printable.quoted(withoutCredentials(url));
    }

    /** {@code https://user:secret@host/x} becomes {@code https://***@host/x}. */
    public static String withoutCredentials(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1***@");
    }

    private static final java.util.regex.Pattern USER_INFO =
            java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

    /** A base URL without its trailing slash, so that request paths (which start with '/') append cleanly. */
    public static String asBase(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
