package org.sovereignai.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.io.AtomicFiles;
import org.sovereignai.io.Json;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Position;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.Candidates;
import org.sovereignai.sources.UrlList;
import org.sovereignai.sources.UrlSubmission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A submitted URL list ({@code .txt}, one URL a line), after it was archived like any submission: every URL that no
 * record of the quarter's draft cites yet becomes a candidate record pre-filled from its page, in a sheet under
 * {@code curation/candidates/} for a curator to complete and submit. Nothing enters the draft.
 *
 * <p>A list with a bad line is rejected as a whole (like a sheet with an error), so the corrected list, submitted
 * again, does not leave a second sheet of the same candidates behind. The sheet is also kept beside the archived copy
 * ({@code candidates.csv}, with {@code candidates.json} naming where it was published): a retry after a crash reuses
 * them instead of fetching again and writing a second sheet, and never overwrites a sheet a curator may have edited.
 */
final class UrlListIntake {
    /** The submission's {@code sheet_kind}. */
    static final String KIND = "url-list";
    private static final String STORED = "candidates.csv";
    private static final String INFO = "candidates.json";

    private final Workspace workspace;
    private final UrlSubmission urls;

    UrlListIntake(Workspace workspace, UrlSubmission urls) {
        this.workspace = workspace;
        this.urls = urls;
    }

    /**
     * What became of the list: the report (bad lines as errors with their line numbers), and what was written.
     *
     * @param sheet the candidate sheet relative to the project home, or null when none was written
     */
    record Outcome(Report report, int listed, int alreadyCited, int candidates, int unreadable, String sheet) {
        String message(String label) {
            if (!report.valid()) {
                return label + " rejected: " + report.errors() + " line(s) of the URL list are not usable URLs; no candidates"
                        + " were written. Correct them and submit the list again";
            }
            if (sheet == null) {
                return label + " accepted: all " + listed + " URL(s) are already cited by records of the draft; no candidates written";
            }
            return label + " accepted: URL list of " + listed + " URL(s): " + candidates + " candidate record(s) written to "
                    + sheet + (alreadyCited > 0 ? " (" + alreadyCited + " already cited in the draft were skipped)" : "")
                    + (unreadable > 0 ? "; " + unreadable + " page(s) could not be read (see their _note)" : "")
                    + ". Nothing was entered into the draft: complete the sheet and submit it";
        }

        /** Appended to the submission's audit line. */
        String auditDetail() {
            return "; URL list of " + listed + " URL(s), " + alreadyCited + " already cited, "
                    + (sheet == null ? "no candidates written" : candidates + " candidate(s) written to " + sheet);
        }
    }

    Outcome take(Path archived, String displayName, Path archiveDir, Draft draft) throws IOException {
        Report report = new Report();
        UrlList list;
        try {
            list = UrlList.read(archived, displayName);
        } catch (IOException e) {
            if (!Files.isReadable(archived)) throw e;
            // the archived copy is there, so the content is at fault: not UTF-8, or too long for a list
            report.add(Finding.error("url-list-unreadable", Position.ofFile(displayName), null, null, e.getMessage()));
            return new Outcome(report, 0, 0, 0, 0, null);
        }
        for (UrlList.Problem p : list.problems()) {
            report.add(Finding.error("invalid-url", new Position(displayName, null, p.line(), null, null), null, p.text(),
                    p.why() + "; write one http(s) URL a line (blank lines and lines starting with # are skipped)"));
        }
        if (list.problems().isEmpty() && list.urls().isEmpty()) {
            report.add(Finding.error("no-urls", Position.ofFile(displayName), null, null,
                    "the list holds no URL: write one http(s) URL a line"));
        }
        for (int i = 0; i < list.urls().size(); i++) report.countRecord();
        if (!report.valid()) return new Outcome(report, list.urls().size(), 0, 0, 0, null);

        Path info = archiveDir.resolve(INFO);
        if (Files.isRegularFile(info)) return resume(report, info, archiveDir.resolve(STORED));
        List<String> cited = new ArrayList<>();
        for (Project p : draft.records().values()) cited.addAll(p.list(Schema.SOURCES));
        UrlSubmission.Result r;
        try {
            r = urls.prepare(list, cited, BatchFetcher.Progress.NONE);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the listed URLs", e);
        } catch (Exception e) {
            throw new IOException("cannot fetch the listed URLs: " + e.getMessage(), e);
        }
        String sheet = null;
        Path target = null;
        if (r.sheet() != null) {
            AtomicFiles.write(archiveDir.resolve(STORED), r.sheet());
            target = Candidates.freeName(workspace.candidates(), displayName);
            sheet = relative(target);
        }
        Outcome o = new Outcome(report, list.urls().size(), r.alreadyCited(), r.candidates(), r.unreadable(), sheet);
        // named before it is written: a retry finds the name and never writes a second sheet
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", Json.FORMAT_VERSION);
        m.put("sheet", sheet);
        m.put("urls", o.listed());
        m.put("alreadyCited", o.alreadyCited());
        m.put("candidates", o.candidates());
        m.put("unreadable", o.unreadable());
        AtomicFiles.write(info, Json.write(m));
        if (target != null) AtomicFiles.write(target, r.sheet());
        return o;
    }

    /** A retry of a list already turned into candidates: publish the kept sheet if it is missing, fetch nothing. */
    private Outcome resume(Report report, Path info, Path stored) throws IOException {
        JsonNode m = Json.mapper().readTree(info.toFile());
        String sheet = m.path("sheet").isTextual() ? m.get("sheet").asText() : null;
        if (sheet != null) {
            Path target = workspace.home().resolve(sheet).normalize();
            if (!target.startsWith(workspace.candidates())) throw new IOException(info + " names a sheet outside curation/candidates/");
            if (!Files.exists(target)) AtomicFiles.write(target, Files.readAllBytes(stored));
        }
        // an archive written before formatVersion 1 says already_cited
        return new Outcome(report, m.path("urls").asInt(), m.path(m.has("alreadyCited") ? "alreadyCited" : "already_cited").asInt(), m.path("candidates").asInt(),
                m.path("unreadable").asInt(), sheet);
    }

    private String relative(Path p) {
        return workspace.home().relativize(p).toString().replace('\\', '/');
    }
}
