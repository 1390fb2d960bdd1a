package org.sovereignai.app;

import java.util.Optional;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.CurationSettings;
import org.sovereignai.curation.Workspace;

/**
 * Where every setting comes from, in one place: Camel's properties component over {@code application.properties} on
 * the class path, with Camel's own overrides: an environment variable ({@code sai.db.url} is {@code SAI_DB_URL}:
 * upper case, dots and dashes as underscores) wins over a system property of the same name, which wins over the file.
 * The running program ({@code routes.CamelRuntime}) gives its Camel {@code Main} the same {@link #LOCATION} and
 * overrides, so routes read {@code {{sai.inbox.delay-ms}}} exactly as {@link #load} does. The domain gets the
 * result as a plain {@link CurationSettings} and knows nothing of where it came from.
 *
 * <p>One-shot commands read settings through {@link #reader} without starting Camel: an unstarted context only lends
 * the component its class loader and type converter (about 0.3 s of class loading on a cold JVM, no routes, no
 * threads).
 */
public final class Settings {
    /** The settings file, on the class path (inside the jar). */
    public static final String LOCATION = "classpath:application.properties";

    private final PropertiesComponent component;

    private Settings(PropertiesComponent component) {
        this.component = component;
    }

    /**
     * A reader of the settings. {@code overrides} win over the file but not over the environment or system properties
     * (Camel's order); tests and the demo use them to point a process at a temporary folder.
     */
    public static Settings reader(Properties overrides) {
        DefaultCamelContext context = new DefaultCamelContext(false);
        context.setLoadTypeConverters(false); // only String values are read: the core converter is enough
        context.getTypeConverterRegistry();
        PropertiesComponent pc = (PropertiesComponent) context.getPropertiesComponent();
        configure(pc, overrides);
        return new Settings(pc);
    }

    /** Configures a context's properties component as every sai process reads its settings. */
    public static void configure(CamelContext context, Properties overrides) {
        configure((PropertiesComponent) context.getPropertiesComponent(), overrides);
    }

    private static void configure(PropertiesComponent pc, Properties overrides) {
        pc.setLocation(LOCATION);
        pc.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_OVERRIDE);
        pc.setSystemPropertiesMode(PropertiesComponent.SYSTEM_PROPERTIES_MODE_OVERRIDE);
        if (overrides != null && !overrides.isEmpty()) pc.setOverrideProperties(overrides);
    }

    /** The settings of the project in {@code workspace} (environment, system property, application.properties). */
    public static CurationSettings load(Workspace workspace) {
        return load(workspace, new Properties());
    }

    /** As {@link #load(Workspace)}, with {@code overrides} above the file (and below the environment and system properties). */
    public static CurationSettings load(Workspace workspace, Properties overrides) {
        Settings p = reader(overrides);
        String url = p.get("sai.db.url").orElseGet(() -> CurationSettings.embeddedUrl(workspace));
        return new CurationSettings(url,
                p.get("sai.db.user").orElse("sa"),
                p.get("sai.db.password").orElseGet(() -> p.get("sai.db.password-file").map(Settings::secret).orElse("")),
                number("sai.submission.max-bytes", p.get("sai.submission.max-bytes").orElse(Long.toString(CurationSettings.DEFAULT_MAX_SUBMISSION_BYTES))),
                number("sai.inbox.delay-ms", p.get("sai.inbox.delay-ms").orElse("1000")),
                number("sai.inbox.read-lock-ms", p.get("sai.inbox.read-lock-ms").orElse("1000")),
                number("sai.inbox.read-lock-timeout-ms", p.get("sai.inbox.read-lock-timeout-ms").orElse("20000")));
    }

    /**
     * A secret from a file (sai.db.password-file, SAI_DB_PASSWORD_FILE: a Docker or systemd credential), its first
     * line: so the password is neither on a command line nor in the environment of every child process.
     */
    private static String secret(String file) {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of(file)).stream().findFirst().orElse("").strip();
        } catch (java.io.IOException | RuntimeException e) {
            throw CurationException.usage("the setting sai.db.password-file names '" + file + "', which cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static long number(String key, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw CurationException.usage("the setting " + key + " must be a whole number, not '" + text + "'");
        }
    }

    /** The value of a setting, stripped; empty when unset or blank. */
    public Optional<String> get(String key) {
        return component.resolveProperty(key).map(String::strip).filter(v -> !v.isEmpty());
    }
}
