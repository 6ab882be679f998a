/**
 * Maven goals. Thin on purpose: parameters in, one call into {@link dev.perf.run.PerfRunner}, verdict out.
 * Threshold breaches and invalid scenarios are {@code MojoFailureException}s (the build's verdict);
 * broken plumbing is a {@code MojoExecutionException}.
 */
package dev.perf.maven;
