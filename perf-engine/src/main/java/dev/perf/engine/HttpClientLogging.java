package dev.perf.engine;

import org.slf4j.LoggerFactory;

/**
 * Keeps credentials out of debug logs. AsyncHttpClient logs every request and response whole (the Authorization and
 * Cookie headers, the query, the URL's password) at debug level, and Maven's {@code -X}, which Maven suggests after
 * every failed build, turns debug on for every logger. The HTTP client's loggers are held at info, whatever level
 * the build asks for; Netty's too, unless the user set a level for them. This works with the SLF4J simple logger that
 * Maven 3 and 4 use, and must run before the client's classes make their loggers.
 */
final class HttpClientLogging {
    private static final String PREFIX = "org.slf4j.simpleLogger.log.";
    private static volatile boolean warned;

    private HttpClientLogging() {
    }

    static void quiet() {
        System.setProperty(PREFIX + "org.asynchttpclient", "info");
        if (System.getProperty(PREFIX + "io.netty") == null) {
            System.setProperty(PREFIX + "io.netty", "info");
        }
        if (!warned && LoggerFactory.getLogger("org.asynchttpclient.netty.handler.HttpHandler").isDebugEnabled()) {
            warned = true;
            LoggerFactory.getLogger(HttpClientLogging.class).warn("debug logging is on for org.asynchttpclient: it "
                    + "prints every request's headers, credentials included; set that logger to info in your logging "
                    + "configuration");
        }
    }
}
