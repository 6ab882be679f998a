/**
 * Figures while a run goes, for the tools a team already watches: {@link dev.perf.live.LiveRun} hears the engine
 * once per interval and publishes {@link dev.perf.live.LiveFigures}; {@link dev.perf.live.PrometheusEndpoint} serves
 * them as OpenMetrics through the Prometheus Java client. Between report and run in the data flow: it reads the
 * engine's, the monitor's and the analysis' figures and writes nothing.
 */
package dev.perf.live;
