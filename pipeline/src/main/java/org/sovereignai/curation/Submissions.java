package org.sovereignai.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sovereignai.io.CrashPoints;
import org.sovereignai.check.Report;
import org.sovereignai.io.AtomicFiles;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;
import org.sovereignai.record.Schema;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchPolicy;
import org.sovereignai.sources.Fetcher;
import org.sovereignai.sources.UrlList;
import org.sovereignai.sources.UrlSubmission;

/**
 * Receives a curator's file, whichever door it came through. The steps, and what a crash after each leaves:
 * <ol>
 *   <li>identify: size checked against the limit, content hashed. Nothing written.</li>
 *   <li>archive: a verbatim copy under {@code curation/submissions/QUARTER/SHA256/original.EXT}, written to a temporary
 *       name and renamed. The path comes from the hash only, so a retry writes the same file. A crash here leaves an
 *       archive without a database row: the next attempt (the file is still in the inbox, or the curator runs submit
 *       again) does not find the hash in the database and completes the submission.</li>
 *   <li>validate and propose against the draft; write report.json and report.txt beside the copy.</li>
 *   <li>one database transaction: the submission, its changes and their audit lines, all or nothing. The unique
 *       (quarter, sha256) constraint makes a concurrent duplicate lose cleanly.</li>
 *   <li>write submission.json (the outcome and the submission's id) beside the copy. A crash before this is repaired
 *       by the next attempt, which finds the hash in the database and writes it.</li>
 * </ol>
 */
public final class Submissions {
    public static final String ARCHIVE_FILE = "original";

    private final Workspace workspace;
    private final CurationSettings settings;
    private final CurationRepository repo;
    private final Schema schema;

    public Submissions(Workspace workspace, CurationSettings settings, CurationRepository repo, Schema schema) {
        this.workspace = workspace;
        this.settings = settings;
        this.repo = repo;
        this.schema = schema;
    }

    /**
     * A file to receive.
     *
     * @param originalName the name as the curator sent it (data only, sanitised for display)
     * @param door         {@code cli} or {@code inbox}
     */
    public record Request(Path file, String originalName, String curator, String note, String door) {
    }

    /**
     * A file identified: the quarter it goes to, its size and hash, or why it is refused.
     *
     * @param refusal null when the file may be processed
     */
    public record Fingerprint(String quarter, long size, String sha256, String refusal) {
        /** The idempotency key: the same content is applied once per quarter. */
        public String key() {
            return quarter + ":" + sha256;
        }
    }

    /** Receives a file: {@link #identify} then {@link #submit(Request, Fingerprint)}. */
    public SubmissionResult submit(Request request) throws IOException {
        return submit(request, identify(request));
    }

    /** Checks the file's size before reading it, then hashes it. */
    public Fingerprint identify(Request request) throws IOException {
        String quarter = repo.read(c -> repo.openQuarter(c)).map(QuarterInfo::name).orElseThrow(() ->
                CurationException.usage("no quarter is open: run './sai quarter open YYYY-Qn' first"
                        + (UrlList.isUrlList(request.originalName())
                        ? " (or, for a URL list, './sai sources candidates FILE.txt' works against the newest release)" : "")));
        Path file = request.file();
        if (!Files.exists(file)) throw CurationException.usage("no such file: " + file);
        if (!Files.isRegularFile(file)) {
            throw CurationException.usage(file + " is not a regular file (a device such as /dev/null, a FIFO or a folder);"
                    + " submit a saved CSV, XLSX or .txt file");
        }
        long size = Files.size(file);
        if (size > settings.maxSubmissionBytes()) {
            return new Fingerprint(quarter, size, null, "'" + FileNames.display(request.originalName()) + "' is "
                    + mib(size) + ", larger than the " + mib(settings.maxSubmissionBytes()) + " a submission may be"
                    + " (setting sai.submission.max-bytes); it was not read. Split it, or send only the changed rows.");
        }
        String sha = Hashes.sha256(file);
        CrashPoints.reach(CrashPoints.IDENTIFIED);
        return new Fingerprint(quarter, size, sha, null);
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Receives an identified file; a URL list is fetched with the default fetch policy. */
    public SubmissionResult submit(Request request, Fingerprint fp) throws IOException {
        return submit(request, fp, null);
    }

    /**
     * Receives an identified file. A {@code .txt} is a URL list: it becomes candidate records in
     * {@code curation/candidates/} (see {@link UrlListIntake}), fetched with {@code urls} (null: the default fetch
     * policy, which refuses private and loopback addresses); it never proposes a change to the draft.
     */
    public SubmissionResult submit(Request request, Fingerprint fp, UrlSubmission urls) throws IOException {
        String display = FileNames.display(request.originalName());
        String curator = HumanText.name(request.curator());
        if (fp.refusal() != null) {
            repo.inTransaction(c -> repo.audit(c, CurationRepository.now(), curator, "submission-refused", fp.quarter(),
                    null, null, null, display + ": " + fp.refusal()));
            return new SubmissionResult(SubmissionResult.Outcome.REFUSED, null, List.of(), new Report(), fp.refusal(), fp);
        }
        Optional<SubmissionResult> dup = duplicate(fp);
        if (dup.isPresent()) return dup.get();

        Path dir = workspace.submissions().resolve(fp.quarter()).resolve(fp.sha256());
        Path archived = dir.resolve(ARCHIVE_FILE + "." + FileNames.extension(request.originalName()));
        archive(request.file(), archived, fp.sha256());
        CrashPoints.reach(CrashPoints.ARCHIVED);

        QuarterInfo q = repo.read(c -> repo.quarter(c, fp.quarter())).orElseThrow();
        Draft draft = repo.read(c -> Draft.load(c, repo, schema, q));
        if (UrlList.isUrlList(request.originalName())) {
            UrlSubmission fetching = urls != null ? urls
                    : new UrlSubmission(schema, new BatchFetcher(new Fetcher(FetchPolicy.defaults()))::fetchAll);
            UrlListIntake.Outcome o = new UrlListIntake(workspace, fetching).take(archived, display, dir, draft);
            return record(request, fp, dir, display, curator, o.report(), List.of(), null, UrlListIntake.KIND, o.auditDetail(),
                    o::message);
        }
        Proposal proposal = new Proposals(schema).propose(archived, display, draft, fp.quarter());
        Report report = proposal.report();
        if (report.ioFailure()) {
            throw new IOException("cannot read the archived copy " + archived + ": " + report.findings());
        }
        boolean valid = report.valid();
        List<ProposedChange> proposed = valid ? proposal.changes() : List.of();
        return record(request, fp, dir, display, curator, report, proposed, proposal.sheet(), proposal.sheetKind(), "", label -> valid
                ? label + " accepted: " + proposed.size() + " change(s) proposed for review"
                : label + " rejected: " + report.errors() + " error(s); nothing changed in the draft");
    }

    /**
     * A dry run: validates the file against the open quarter's draft exactly as {@link #submit(Request)} would (the
     * same readers and guards, blank = no change) and records nothing: no archive, no report files, no database row,
     * no audit line. The file is read through a temporary copy named with its extension (the readers choose by it),
     * deleted before returning; the curator's file is only read. A URL list is refused: fetching its pages is not a
     * check. Content already received for the quarter is still checked, and the message says when it was received.
     */
    public SubmissionResult check(Request request) throws IOException {
        Fingerprint fp = identify(request);
        if (fp.refusal() != null) return new SubmissionResult(SubmissionResult.Outcome.REFUSED, null, List.of(), new Report(), fp.refusal(), fp);
        if (UrlList.isUrlList(request.originalName())) throw CurationException.usage("a URL list cannot be checked without fetching it; submit it instead");
        String display = FileNames.display(request.originalName());
        QuarterInfo q = repo.read(c -> repo.quarter(c, fp.quarter())).orElseThrow();
        Draft draft = repo.read(c -> Draft.load(c, repo, schema, q));
        Optional<Submission> known = repo.read(c -> repo.submissionByHash(c, fp.quarter(), fp.sha256()));
        Files.createDirectories(workspace.work());
        Path copy = Files.createTempFile(workspace.work(), ".check-", "." + FileNames.extension(request.originalName()));
        try {
            Files.copy(request.file(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Proposal proposal = new Proposals(schema).propose(copy, display, draft, fp.quarter());
            Report report = proposal.report();
            if (report.ioFailure()) throw new IOException("cannot read the uploaded file: " + report.findings());
            boolean valid = report.valid();
            List<ProposedChange> proposed = valid ? proposal.changes() : List.of();
            String again = known.map(s -> "; " + received(s) + ", so submitting it again would change nothing").orElse("");
            return new SubmissionResult(valid ? SubmissionResult.Outcome.ACCEPTED : SubmissionResult.Outcome.REJECTED, null,
                    proposed, report, (valid ? "check only: " + proposed.size() + " change(s) would be proposed; nothing recorded"
                    : "check only: " + report.errors() + " error(s); nothing recorded") + again, fp);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Steps 3 to 5 for a processed file: reports beside the archived copy, one transaction, the outcome file. */
    private SubmissionResult record(Request request, Fingerprint fp, Path dir, String display, String curator, Report report,
                                    List<ProposedChange> proposed, String sheet, String sheetKind, String auditDetail,
                                    java.util.function.Function<String, String> message) throws IOException {
        boolean valid = report.valid();
        String outcome = valid ? Submission.ACCEPTED : Submission.REJECTED;
        AtomicFiles.write(dir.resolve("report.json"), SubmissionReport.json(display, fp.sha256(), fp.quarter(), curator,
                outcome, report, proposed));
        AtomicFiles.write(dir.resolve("report.txt"), SubmissionReport.text(display, fp.quarter(), curator, outcome, report,
                proposed));

        OffsetDateTime now = CurationRepository.now();
        Submission draftRow = new Submission(0, fp.quarter(), fp.sha256(), curator, HumanText.note(request.note()), display,
                sheet, fp.size(), request.door(), sheetKind, outcome, (int) report.errors(),
                (int) report.warnings(), workspace.home().relativize(dir).toString().replace('\\', '/'), now);
        Recorded recorded;
        if (proposed.size() <= STEP_ROWS) {
            try {
                recorded = repo.inTransaction(c -> record(c, draftRow, proposed, now, auditDetail));
            } catch (CurationRepository.DuplicateKeyException e) {
                return duplicate(fp).orElseThrow(() -> e);
            }
        } else {
            recorded = recordInSteps(draftRow, proposed, now, auditDetail);
        }
        if (recorded == null) return duplicate(fp).orElseThrow();
        CrashPoints.reach(CrashPoints.COMMITTED);
        writeOutcome(dir, recorded.submission());
        return new SubmissionResult(valid ? SubmissionResult.Outcome.ACCEPTED : SubmissionResult.Outcome.REJECTED,
                recorded.submission(), recorded.changes(), report, message.apply(recorded.submission().label()), fp);
    }

    private record Recorded(Submission submission, List<ProposedChange> changes) {
    }

    /**
     * Changes written in one transaction at most; a larger submission is written in steps of this size. H2 keeps one
     * transaction's uncommitted rows in memory up to its write buffer and writes them to the file beyond it; a process
     * killed while a transaction of 20,000 rows was being written or committed was seen to leave that transaction
     * half-recovered (a part of its rows visible, or row locks nobody holds that time out every later command).
     * Short transactions stay below the buffer, and the steps are made atomic by the {@code complete} flag.
     */
    static final int STEP_ROWS = 500;
    /** How long a submission waits for another process writing the same content before it gives up. */
    static final long WAIT_FOR_WRITER_MS = 120_000;

    /** This process, as written into a submission row it is writing: pid, host and start instant. */
    static final String WRITER = writer(ProcessHandle.current());

    private static String writer(ProcessHandle p) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = "localhost";
        }
        return p.pid() + "@" + host + "@" + p.info().startInstant().map(Object::toString).orElse("?");
    }

    /**
     * True when the process that was writing an incomplete submission is gone: on this host, no process with its pid
     * and start instant; on another host (a shared PostgreSQL), when it started more than an hour ago.
     */
    static boolean abandoned(CurationRepository.Unfinished u) {
        String w = u.writer();
        String[] parts = w == null ? new String[0] : w.split("@", 3);
        if (parts.length == 3 && parts[1].equals(WRITER.split("@", 3)[1])) {
            try {
                Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parts[0]));
                return p.isEmpty() || !w.equals(writer(p.get()));
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return u.receivedAt() == null || u.receivedAt().isBefore(CurationRepository.now().minusHours(1));
    }

    /**
     * Rolls back every incomplete submission whose writer died (the state a kill in the middle of
     * {@link #recordInSteps} leaves), in short transactions. Run when the workflow is opened; returns how many.
     */
    public int rollBackAbandoned() {
        int n = 0;
        for (CurationRepository.Unfinished u : repo.read(c -> repo.unfinished(c, null, null))) {
            if (!abandoned(u)) continue;
            rollBack(u.id());
            n++;
        }
        return n;
    }

    private void rollBack(long submissionId) {
        while (repo.inTransaction(c -> repo.deleteUnfinishedBatch(c, submissionId)) > 0) {
            // one short transaction per batch: a kill here leaves less to delete next time
        }
    }

    /**
     * A large submission as a small state machine: (1) under the quarter's lock, its row with {@code complete = FALSE}
     * (or the answer that the content is already recorded); (2) its changes and their audit lines, {@link #STEP_ROWS}
     * per transaction; (3) one short transaction that checks the number of changes, marks the row complete and adds the
     * submission's audit line. Until (3) commits no reader sees any of it; a process killed before leaves an incomplete
     * row that the next process rolls back ({@link #rollBackAbandoned}, or a retry of the same file). Null when the
     * content is already recorded.
     */
    private Recorded recordInSteps(Submission s, List<ProposedChange> proposed, OffsetDateTime now, String auditDetail) {
        long deadline = System.nanoTime() + WAIT_FOR_WRITER_MS * 1_000_000;
        long id;
        while (true) {
            Long started;
            try {
                started = repo.inTransaction(c -> {
                    QuarterInfo q = repo.lockQuarter(c, s.quarter()).orElseThrow();
                    if (!QuarterInfo.OPEN.equals(q.state())) {
                        throw CurationException.usage("quarter " + q.name() + " was closed while the submission was processed");
                    }
                    if (repo.submissionByHash(c, s.quarter(), s.sha256()).isPresent()) return 0L;
                    List<CurationRepository.Unfinished> other = repo.unfinished(c, s.quarter(), s.sha256());
                    if (!other.isEmpty()) return abandoned(other.get(0)) ? -other.get(0).id() : Long.MIN_VALUE;
                    return repo.insertSubmission(c, s, false, WRITER);
                });
            } catch (CurationRepository.DuplicateKeyException e) {
                started = Long.MIN_VALUE; // another process inserted the same content's row a moment ago
            }
            if (started == 0L) return null;
            if (started > 0) {
                id = started;
                break;
            }
            if (started != Long.MIN_VALUE) {
                rollBack(-started); // left by a process that died: roll it back, then start again
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw CurationException.usage("the same file is being recorded by another sai process for more than "
                        + WAIT_FOR_WRITER_MS / 1000 + " s; try again when it has finished");
            }
            sleep(200); // another live process is writing the same content: its outcome will be ours
        }
        final long sid = id;
        Submission saved = new Submission(sid, s.quarter(), s.sha256(), s.curator(), s.note(), s.originalName(), s.sheet(),
                s.sizeBytes(), s.door(), s.sheetKind(), s.outcome(), s.errors(), s.warnings(), s.archivePath(), s.receivedAt());
        List<ProposedChange> done = new ArrayList<>(proposed.size());
        for (int from = 0; from < proposed.size(); from += STEP_ROWS) {
            List<ProposedChange> step = proposed.subList(from, Math.min(proposed.size(), from + STEP_ROWS));
            done.addAll(repo.inTransaction(c -> {
                if (!repo.stillWriting(c, sid, WRITER)) {
                    throw new CurationRepository.DatabaseException("submission " + saved.label()
                            + " was rolled back by another process while it was being written; submit the file again", null);
                }
                return insertChanges(c, saved, step, now);
            }));
        }
        repo.inTransaction(c -> {
            QuarterInfo q = repo.lockQuarter(c, s.quarter()).orElseThrow();
            if (!QuarterInfo.OPEN.equals(q.state())) {
                throw CurationException.usage("quarter " + q.name() + " was closed while the submission was processed");
            }
            int count = repo.changeCount(c, sid);
            if (count != proposed.size() || !repo.markComplete(c, sid)) {
                throw new CurationRepository.DatabaseException("submission " + saved.label() + " holds " + count + " of its "
                        + proposed.size() + " changes; it was not recorded: submit the file again", null);
            }
            auditSubmission(c, saved, now, auditDetail);
            CrashPoints.reach(CrashPoints.IN_TRANSACTION);
            return null;
        });
        return new Recorded(saved, done);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CurationException.usage("interrupted while waiting for another sai process");
        }
    }

    private Recorded record(java.sql.Connection c, Submission s, List<ProposedChange> proposed, OffsetDateTime now,
                            String auditDetail) throws java.sql.SQLException {
        QuarterInfo q = repo.lockQuarter(c, s.quarter()).orElseThrow();
        if (!QuarterInfo.OPEN.equals(q.state())) {
            throw CurationException.usage("quarter " + q.name() + " was closed while the submission was processed");
        }
        if (repo.submissionByHash(c, s.quarter(), s.sha256()).isPresent()) return null;
        long id = repo.insertSubmission(c, s);
        Submission saved = new Submission(id, s.quarter(), s.sha256(), s.curator(), s.note(), s.originalName(), s.sheet(),
                s.sizeBytes(), s.door(), s.sheetKind(), s.outcome(), s.errors(), s.warnings(), s.archivePath(), s.receivedAt());
        auditSubmission(c, saved, now, auditDetail);
        List<ProposedChange> saved_ = insertChanges(c, saved, proposed, now);
        CrashPoints.reach(CrashPoints.IN_TRANSACTION);
        return new Recorded(saved, saved_);
    }

    private void auditSubmission(java.sql.Connection c, Submission s, OffsetDateTime now, String auditDetail)
            throws java.sql.SQLException {
        repo.audit(c, now, s.curator(), "submission-" + s.outcome(), s.quarter(), s.id(), null, null,
                s.originalName() + " (" + s.door() + ", sha256 " + s.sha256() + ", " + s.errors() + " errors, "
                        + s.warnings() + " warnings)" + auditDetail + (s.note() == null ? "" : "; note: " + s.note()));
    }

    /** Inserts changes of a submission and their audit lines, in JDBC batches; returns them with their ids. */
    private List<ProposedChange> insertChanges(java.sql.Connection c, Submission s, List<ProposedChange> proposed,
                                               OffsetDateTime now) throws java.sql.SQLException {
        List<ProposedChange> toInsert = new ArrayList<>(proposed.size());
        for (ProposedChange p : proposed) toInsert.add(p.recorded(0, s.id(), s.curator()));
        List<Long> ids = repo.insertChanges(c, toInsert);
        List<ProposedChange> saved = new ArrayList<>(proposed.size());
        List<CurationRepository.AuditEntry> lines = new ArrayList<>(proposed.size());
        for (int i = 0; i < proposed.size(); i++) {
            ProposedChange p = proposed.get(i);
            ProposedChange done = p.recorded(ids.get(i), s.id(), s.curator());
            lines.add(new CurationRepository.AuditEntry(0, now, s.curator(), "change-proposed", s.quarter(), s.id(), done.id(),
                    p.recordId(), done.label() + " " + done.describe() + " (cell " + p.cell() + ")"));
            saved.add(done);
        }
        repo.audit(c, lines);
        return saved;
    }

    private Optional<SubmissionResult> duplicate(Fingerprint fp) throws IOException {
        Optional<Submission> known = repo.read(c -> repo.submissionByHash(c, fp.quarter(), fp.sha256()));
        if (known.isEmpty()) return Optional.empty();
        Submission s = known.get();
        Path dir = workspace.home().resolve(s.archivePath());
        if (!Files.exists(dir.resolve("submission.json"))) writeOutcome(dir, s); // finish what a crash interrupted
        List<ProposedChange> changes = repo.read(c -> repo.changesOfSubmission(c, s.id()));
        return Optional.of(new SubmissionResult(SubmissionResult.Outcome.DUPLICATE, s, changes, new Report(),
                received(s) + " (sha256 " + s.sha256().substring(0, 12) + "...); it was not applied again", fp));
    }

    /** "this file was already received on 2026-01-10 at 10:15 UTC as S12 from alice (accepted)". */
    static String received(Submission s) {
        return "this file was already received on " + when(s.receivedAt()) + " as " + s.label() + " from " + s.curator()
                + " (" + s.outcome() + ")";
    }

    /** A moment for people: the UTC date and minute. */
    static String when(OffsetDateTime t) {
        return t.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm 'UTC'", java.util.Locale.ROOT));
    }

    /** Copies the file into the archive under its hash; verifies the copy is what was hashed. */
    private static void archive(Path source, Path target, String sha256) throws IOException {
        if (Files.exists(target) && sha256.equals(Hashes.sha256(target))) return;
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            MessageDigest md = Hashes.sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(source), md);
                 OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (!sha256.equals(HexFormat.of().formatHex(md.digest()))) {
                throw new IOException("the file changed while it was being read; submit it again once it is saved");
            }
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code submission.json} beside the archived copy: the recorded submission (camelCase keys, formatVersion). */
    private static void writeOutcome(Path dir, Submission s) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", Json.FORMAT_VERSION);
        m.put("submission", s.label());
        m.put("quarter", s.quarter());
        m.put("sha256", s.sha256());
        m.put("curator", s.curator());
        m.put("note", s.note());
        m.put("originalName", s.originalName());
        m.put("sheet", s.sheet());
        m.put("sizeBytes", s.sizeBytes());
        m.put("door", s.door());
        m.put("sheetKind", s.sheetKind());
        m.put("outcome", s.outcome());
        m.put("errors", s.errors());
        m.put("warnings", s.warnings());
        m.put("receivedAt", s.receivedAt().toString());
        AtomicFiles.write(dir.resolve("submission.json"), Json.write(m));
    }
}
