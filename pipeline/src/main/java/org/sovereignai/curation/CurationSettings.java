package org.sovereignai.curation;

import java.util.Map;

/**
 * The workflow's settings, as the program resolves them ({@code app.Settings}: {@code application.properties} on the
 * class path, overridden by a system property of the same name, overridden by an environment variable
 * ({@code SAI_DB_URL}, ...)).
 *
 * @param dbUrl              JDBC URL; blank means the embedded H2 file under {@code curation/db/}
 * @param maxSubmissionBytes files larger than this are refused before they are read
 * @param inboxDelayMillis   how often the inbox is polled
 * @param readLockMillis     how long a file must stay unchanged before it is taken from the inbox
 * @param readLockTimeoutMillis when a file that keeps changing is left for the next poll
 */
public record CurationSettings(
        @jakarta.validation.constraints.Pattern(regexp = "jdbc:[a-z0-9]+:.+", message = "must be a JDBC URL such as jdbc:postgresql://host/sai")
        String dbUrl,
        String dbUser,
        String dbPassword,
        @jakarta.validation.constraints.Positive(message = "must be a positive number of bytes")
        long maxSubmissionBytes,
        @jakarta.validation.constraints.Min(value = 50, message = "must be at least 50 ms (the inbox would spin)")
        long inboxDelayMillis,
        @jakarta.validation.constraints.Min(value = 0, message = "must be 0 ms or more")
        long readLockMillis,
        @jakarta.validation.constraints.Min(value = 100, message = "must be at least 100 ms")
        long readLockTimeoutMillis) {

    public static final long DEFAULT_MAX_SUBMISSION_BYTES = 50L * 1024 * 1024;

    /** Each component's setting as the operator writes it (application.properties key / environment variable). */
    private static final Map<String, String> KEYS = Map.of(
            "dbUrl", "sai.db.url (SAI_DB_URL)",
            "maxSubmissionBytes", "sai.submission.max-bytes (SAI_SUBMISSION_MAX_BYTES)",
            "inboxDelayMillis", "sai.inbox.delay-ms (SAI_INBOX_DELAY_MS)",
            "readLockMillis", "sai.inbox.read-lock-ms (SAI_INBOX_READ_LOCK_MS)",
            "readLockTimeoutMillis", "sai.inbox.read-lock-timeout-ms (SAI_INBOX_READ_LOCK_TIMEOUT_MS)");

    /**
     * Checks the settings against their constraints (Jakarta Validation), naming each bad setting. Run where a
     * long-lived process starts ({@code ./sai serve}): the validator's start-up (about 0.4 s) is not worth paying on
     * every one-shot command, whose settings the database connection itself checks.
     */
    public void requireValid() {
        try (jakarta.validation.ValidatorFactory factory = jakarta.validation.Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            var violations = factory.getValidator().validate(this);
            if (violations.isEmpty()) return;
            java.util.List<String> problems = new java.util.ArrayList<>();
            for (var v : violations) {
                String key = KEYS.getOrDefault(v.getPropertyPath().toString(), v.getPropertyPath().toString());
                problems.add(key + " " + v.getMessage() + " (is '" + v.getInvalidValue() + "')");
            }
            java.util.Collections.sort(problems);
            throw CurationException.usage("invalid settings: " + String.join("; ", problems));
        }
    }

    /**
     * H2 in file mode. AUTO_SERVER lets a second process (the CLI while {@code ./sai serve} runs) share the file;
     * LOCK_TIMEOUT lets concurrent submissions wait for each other instead of failing; WRITE_DELAY=0 writes each commit
     * to the file before the commit returns (H2's default delays it up to half a second, and a killed JVM would lose a
     * submission it had already reported as accepted: CrashRecoveryTest caught exactly that). MAX_COMPACT_TIME=0
     * skips H2's compaction of the file when the last connection closes (default 200 ms, but measured at 20-30 s after
     * a killed large submission, during which the next command's JVM could not exit and a third process waited for the
     * file); the file's free space is reused by H2's ordinary background rewriting instead.
     */
    public static String embeddedUrl(Workspace workspace) {
        return embeddedUrl(workspace.database());
    }

    /** The embedded database {@code sai} in another folder (as {@code sai sources check --db DIR}). */
    public static String embeddedUrl(java.nio.file.Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath().normalize().resolve("sai") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;MAX_COMPACT_TIME=0";
    }

    public boolean embedded() {
        return dbUrl.startsWith("jdbc:h2:file:");
    }

    public CurationSettings withDbUrl(String url) {
        return new CurationSettings(url, dbUser, dbPassword, maxSubmissionBytes, inboxDelayMillis, readLockMillis, readLockTimeoutMillis);
    }

    /** The same settings on another database server (the team setup: PostgreSQL). */
    public CurationSettings withDb(String url, String user, String password) {
        return new CurationSettings(url, user, password, maxSubmissionBytes, inboxDelayMillis, readLockMillis, readLockTimeoutMillis);
    }

    public CurationSettings withMaxSubmissionBytes(long max) {
        return new CurationSettings(dbUrl, dbUser, dbPassword, max, inboxDelayMillis, readLockMillis, readLockTimeoutMillis);
    }

    public CurationSettings withInboxTiming(long delayMillis, long readLockMillis) {
        return new CurationSettings(dbUrl, dbUser, dbPassword, maxSubmissionBytes, delayMillis, readLockMillis, readLockTimeoutMillis);
    }
}
