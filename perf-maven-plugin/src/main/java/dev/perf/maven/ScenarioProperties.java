package dev.perf.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The {@code ${NAME}} values scenarios see: project properties, then system properties, then {@code -D} ones. */
final class ScenarioProperties {

    private ScenarioProperties() {
    }

    static Map<String, String> of(MavenProject project, MavenSession session) {
        Map<String, String> values = new HashMap<>();
        values.put("project.basedir", project.getBasedir().getAbsolutePath());
        values.put("project.build.directory", project.getBuild().getDirectory());
        values.put("project.version", project.getVersion());
        put(values, project.getProperties());
        put(values, session.getSystemProperties());
        put(values, session.getUserProperties());
        return values;
    }

    private static void put(Map<String, String> values, Properties properties) {
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
    }
}
