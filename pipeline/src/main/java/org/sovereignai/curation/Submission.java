package org.sovereignai.curation;

import java.time.OffsetDateTime;

/**
 * A file received for a quarter, once per distinct content (sha256).
 *
 * @param originalName the file name as sent, sanitised for display; never used to build a path
 * @param door         {@code cli} or {@code inbox}
 * @param sheetKind    {@code full} (every draft record present), {@code partial}, or {@code url-list} (a .txt of URLs
 *                     that became candidate records; it proposes no change)
 * @param outcome      {@code accepted} or {@code rejected}
 * @param archivePath  the archive folder, relative to the project home
 */
public record Submission(long id, String quarter, String sha256, String curator, String note, String originalName,
                         String sheet, long sizeBytes, String door, String sheetKind, String outcome, int errors,
                         int warnings, String archivePath, OffsetDateTime receivedAt) {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    public String label() {
        return label(id);
    }

    public static String label(long id) {
        return "S" + id;
    }
}
