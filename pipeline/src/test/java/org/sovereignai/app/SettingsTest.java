package org.sovereignai.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.CurationSettings;
import org.sovereignai.curation.Workspace;

/** An operator's mistake in application.properties or the environment is named, never a NumberFormatException. */
class SettingsTest {
    private final Workspace ws = new Workspace(Path.of("/tmp/sai-settings-test"));

    /** Settings as an operator writes them (Camel's override properties stand in for the file in a test). */
    static Properties settings(Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        return p;
    }

    @Test
    void theDefaultsAreValid() {
        CurationSettings s = Settings.load(ws, new Properties());
        assertEquals(CurationSettings.DEFAULT_MAX_SUBMISSION_BYTES, s.maxSubmissionBytes());
        assertDoesNotThrow(s::requireValid);
    }

    @Test
    void aSettingThatIsNotANumberIsNamed() {
        CurationException e = assertThrows(CurationException.class,
                () -> Settings.load(ws, settings(Map.of("sai.submission.max-bytes", "50MB"))));
        assertTrue(e.getMessage().contains("sai.submission.max-bytes must be a whole number, not '50MB'"), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void outOfRangeSettingsAreListedTogetherWithWhatIsAllowed() {
        CurationSettings s = Settings.load(ws,
                settings(Map.of("sai.submission.max-bytes", "0", "sai.inbox.delay-ms", "5", "sai.db.url", "postgres://db/sai")));
        CurationException e = assertThrows(CurationException.class, s::requireValid);
        assertTrue(e.getMessage().contains("sai.submission.max-bytes (SAI_SUBMISSION_MAX_BYTES) must be a positive number of bytes (is '0')"), e.getMessage());
        assertTrue(e.getMessage().contains("sai.inbox.delay-ms (SAI_INBOX_DELAY_MS) must be at least 50 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("sai.db.url (SAI_DB_URL) must be a JDBC URL"), e.getMessage());
    }
}
