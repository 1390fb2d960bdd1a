package org.sovereignai.curation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sovereignai.check.Report;
import org.sovereignai.io.Json;

/**
 * What the inbox tells a curator about one file it took, as text and as JSON: when it was received from whom, what
 * became of it (accepted, rejected, already received, refused, failed) and, for a sheet that was read, the full
 * {@link SubmissionReport}. Written into {@code curation/reports/CURATOR/} for every file, and beside a file kept in
 * {@code curation/rejected/CURATOR/}.
 */
public record CuratorReport(String text, String json) {

    /** The report of a file that went through the submission route. */
    public static CuratorReport of(String originalName, String curator, OffsetDateTime receivedAt, SubmissionResult r) {
        String file = FileNames.display(originalName);
        String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
        String quarter = r.file() == null ? null : r.file().quarter();
        String sha256 = r.file() == null ? null : r.file().sha256();
        boolean read = r.outcome() == SubmissionResult.Outcome.ACCEPTED || r.outcome() == SubmissionResult.Outcome.REJECTED;
        List<ProposedChange> changes = read ? r.changes() : List.of();
        Report report = read ? r.report() : new Report();
        Map<String, Object> m = SubmissionReport.map(file, sha256, quarter, curator, outcome, report, changes);
        m.put("receivedAt", receivedAt.toString());
        m.put("message", r.message());
        Submission s = r.submission();
        if (r.outcome() == SubmissionResult.Outcome.DUPLICATE && s != null) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("submission", s.label());
            first.put("curator", s.curator());
            first.put("receivedAt", s.receivedAt().toString());
            first.put("outcome", s.outcome());
            m.put("alreadyReceived", first);
        } else {
            m.put("submission", s == null ? null : s.label());
        }
        String text = heading(file, curator, receivedAt) + r.message() + "\n"
                + (read ? SubmissionReport.text(file, quarter, curator, outcome, report, changes) : "");
        return new CuratorReport(text, Json.write(m));
    }

    /** The report of a file the inbox did not submit (a link or special file, a failure), with why. */
    public static CuratorReport notSubmitted(String originalName, String curator, OffsetDateTime receivedAt, String outcome,
                                             String message) {
        String file = FileNames.display(originalName);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", Json.FORMAT_VERSION);
        m.put("file", file);
        m.put("curator", curator);
        m.put("receivedAt", receivedAt.toString());
        m.put("outcome", outcome);
        m.put("message", message);
        return new CuratorReport(heading(file, curator, receivedAt) + message + "\n", Json.write(m));
    }

    /** "2026-01-15 at 10:15 UTC, q3.csv from alice: ". */
    private static String heading(String file, String curator, OffsetDateTime receivedAt) {
        return Submissions.when(receivedAt) + ", " + file + " from " + curator + ": ";
    }
}
