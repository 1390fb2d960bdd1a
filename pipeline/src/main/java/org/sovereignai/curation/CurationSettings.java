package org.sovereignai.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The curation workflow's configuration: {@code application.properties} on the class path, overridden by system
 * properties of the same name, overridden by environment variables ({@code SAI_DB_URL}, ...).
 *
 * @param dbUrl              JDBC URL; blank means the embedded H2 file under {@code curation/db/}
 * @param maxSubmissionBytes files larger than this are refused before they are read
 * @param inboxDelayMillis   how often the inbox is polled
 * @param readLockMillis     how long a file must stay unchanged before it is taken from the inbox
 */
public record CurationSettings(String dbUrl, String dbUser, String dbPassword, long maxSubmissionBytes,
                               long inboxDelayMillis, long readLockMillis) {

    public static final long DEFAULT_MAX_SUBMISSION_BYTES = 50L * 1024 * 1024;

    public static CurationSettings load(Workspace workspace) {
        return load(workspace, System.getProperties(), System.getenv());
    }

    static CurationSettings load(Workspace workspace, Properties system, Map<String, String> env) {
        Properties p = new Properties();
        try (InputStream in = CurationSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = pick(p, system, env, "sai.db.url", "SAI_DB_URL");
        if (url == null || url.isBlank()) url = embeddedUrl(workspace);
        return new CurationSettings(url,
                orDefault(pick(p, system, env, "sai.db.user", "SAI_DB_USER"), "sa"),
                orDefault(pick(p, system, env, "sai.db.password", "SAI_DB_PASSWORD"), ""),
                Long.parseLong(orDefault(pick(p, system, env, "sai.submission.max-bytes", "SAI_SUBMISSION_MAX_BYTES"),
                        Long.toString(DEFAULT_MAX_SUBMISSION_BYTES))),
                Long.parseLong(orDefault(pick(p, system, env, "sai.inbox.delay-ms", "SAI_INBOX_DELAY_MS"), "1000")),
                Long.parseLong(orDefault(pick(p, system, env, "sai.inbox.read-lock-ms", "SAI_INBOX_READ_LOCK_MS"), "1000")));
    }

    /**
     * H2 in file mode. AUTO_SERVER lets a second process (the CLI while {@code ./sai serve} runs) share the file;
     * LOCK_TIMEOUT lets concurrent submissions wait for each other instead of failing; WRITE_DELAY=0 writes each commit
     * to the file before the commit returns (H2's default delays it up to half a second, and a killed JVM would lose a
     * submission it had already reported as accepted: CrashRecoveryTest caught exactly that).
     */
    public static String embeddedUrl(Workspace workspace) {
        return "jdbc:h2:file:" + workspace.database().resolve("sai") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }

    public boolean embedded() {
        return dbUrl.startsWith("jdbc:h2:file:");
    }

    public CurationSettings withDbUrl(String url) {
        return new CurationSettings(url, dbUser, dbPassword, maxSubmissionBytes, inboxDelayMillis, readLockMillis);
    }

    public CurationSettings withMaxSubmissionBytes(long max) {
        return new CurationSettings(dbUrl, dbUser, dbPassword, max, inboxDelayMillis, readLockMillis);
    }

    public CurationSettings withInboxTiming(long delayMillis, long readLockMillis) {
        return new CurationSettings(dbUrl, dbUser, dbPassword, maxSubmissionBytes, delayMillis, readLockMillis);
    }

    private static String pick(Properties file, Properties system, Map<String, String> env, String key, String envName) {
        String v = env.get(envName);
        if (v != null && !v.isBlank()) return v;
        v = system.getProperty(key);
        if (v != null && !v.isBlank()) return v;
        return file.getProperty(key);
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v.strip();
    }
}
