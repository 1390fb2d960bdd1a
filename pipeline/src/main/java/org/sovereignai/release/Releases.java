package org.sovereignai.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.io.CrashPoints;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.ReadAheadSheet;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sheet.SheetRecords;

/**
 * Versioned, immutable releases in a snapshots folder: publish, find, read and verify them. The Java API behind
 * {@code sai release} and {@code sai verify}, usable without the command line (e.g. by the curation workflow).
 *
 * <p>Publishing writes into a hidden temporary folder beside the target, forces every file to disk, then renames the
 * folder into place in one step; a release folder is never overwritten. {@code index.json} and {@code latest} are
 * then replaced atomically. A process killed at any moment leaves either the old state or the complete new release
 * (plus, at worst, a hidden temporary folder that nothing reads and the next release removes).
 */
public final class Releases {
    static final String LOCK = ReleaseFiles.LOCK;

    private Releases() {
    }

    /** A release folder. */
    public record Release(ReleaseId id, Path folder) {
        public Manifest manifest() throws IOException {
            return Manifest.read(folder.resolve(ReleaseFiles.MANIFEST_JSON));
        }

        /** The release's records, read from its projects.csv. */
        public List<Project> records(Schema schema) throws SheetException {
            return SheetRecords.read(folder.resolve(ReleaseFiles.PROJECTS_CSV), schema);
        }
    }

    /** What {@link #publish} made. */
    public record Published(Release release, SemVer version, Release previous, Diff diff, Report validation) {
    }

    /** Every release in the folder, oldest first. */
    public static List<Release> list(Path dir) throws IOException {
        return Catalog.scan(dir);
    }

    /** The newest release, judged from the folders themselves (not from index.json). */
    public static Optional<Release> newest(Path dir) throws IOException {
        List<Release> all = Catalog.scan(dir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The release with this id, if it exists. */
    public static Optional<Release> read(Path dir, String id) throws IOException {
        ReleaseId rid = ReleaseId.parse(id);
        if (rid == null) return Optional.empty();
        Path folder = dir.resolve(rid.toString());
        return Files.isRegularFile(folder.resolve(ReleaseFiles.MANIFEST_JSON)) ? Optional.of(new Release(rid, folder)) : Optional.empty();
    }

    /** Rechecks every release against its manifest and the record contract. */
    public static Verification verify(Path dir) {
        return Verifier.verify(dir, Schema.bundled(), true);
    }

    /** Rewrites index.json and latest from the release folders (after an interrupted release, or a hand edit). */
    public static void repairIndex(Path dir) throws ReleaseException {
        try (SnapshotsLock lock = SnapshotsLock.acquire(dir)) {
            Catalog.rewrite(dir);
        } catch (IOException e) {
            throw new ReleaseException(2, "cannot rewrite the index in " + dir + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Streams the rows of a release's projects.csv (or any sheet) as raw cell values in contract order, without building
     * projects: the input of {@link KeyedDiff#addOld(String[])} and {@link KeyedDiff#addNew(String[])}.
     */
    public static void readRows(Path file, Schema schema, Consumer<String[]> sink) throws SheetException {
        try (Sheet sheet = Sheet.open(file, null)) {
            Columns columns = Columns.of(schema, sheet.header());
            for (Row row = sheet.next(); row != null; row = sheet.next()) sink.accept(columns.rawValues(row));
        }
    }

    /**
     * The diff of the rows of a release file with records sorted by id and packed ({@link org.sovereignai.diff.Packed}):
     * one merge pass ({@link KeyedDiff#diffSorted}), so the old side is never held.
     *
     * @throws KeyedDiff.NotSorted when either side is not sorted by id
     */
    public static Diff diffSorted(Path oldCsv, Iterator<String> newRecords, Schema schema) throws SheetException {
        try (Sheet sheet = Sheet.open(oldCsv, null)) {
            return new KeyedDiff(schema).diffSorted(rawRows(sheet, schema), newRecords);
        } catch (ReadFailure e) {
            throw e.getCause();
        }
    }

    /**
     * The diff of two release files (both sorted by id): one merge pass over their raw rows, each file parsed on its own
     * reader thread ({@link ReadAheadSheet}) while this one compares, so neither side is held.
     *
     * @throws KeyedDiff.NotSorted when either file is not sorted by id
     */
    public static Diff diffReleaseFiles(Path oldCsv, Path newCsv, Schema schema) throws SheetException {
        try (Sheet older = ReadAheadSheet.of(Sheet.open(oldCsv, null)); Sheet newer = ReadAheadSheet.of(Sheet.open(newCsv, null))) {
            return new KeyedDiff(schema).diffSortedRows(rawRows(older, schema), rawRows(newer, schema));
        } catch (ReadFailure e) {
            throw e.getCause();
        }
    }

    /** The sheet's rows as raw cell values in contract order; a reading failure arrives as a {@link ReadFailure}. */
    private static Iterator<String[]> rawRows(Sheet sheet, Schema schema) {
        Columns columns = Columns.of(schema, sheet.header());
        return new Lookahead<>() {
            @Override
            protected String[] fetch() {
                try {
                    Row row = sheet.next();
                    return row == null ? null : columns.rawValues(row);
                } catch (SheetException e) {
                    throw new ReadFailure(e);
                }
            }
        };
    }

    /** A failure reading the old file inside the merge's iterator. */
    private static final class ReadFailure extends RuntimeException {
        ReadFailure(SheetException e) {
            super(e);
        }

        @Override
        public synchronized SheetException getCause() {
            return (SheetException) super.getCause();
        }
    }

    /**
     * Publishes a release: read and validate the sheet (the existing releases are checked and the previous release's
     * records read beside it), sort, diff against the previous release, write the files (the record files beside the
     * change reports), the manifest, then rename the finished folder into place.
     */
    public static Published publish(ReleaseRequest req) throws ReleaseException {
        return publish(req, published -> { });
    }

    /** What must happen before another release may start (the curation's quarter closed), run under the same lock. */
    public interface WhileLocked {
        void run(Published published) throws ReleaseException;
    }

    /**
     * Publishes a release as {@link #publish(ReleaseRequest)} does and runs {@code whileLocked} once it is in place,
     * before the snapshots folder's lock is let go: a second release of the same quarter, on this server or another
     * on the same folder, then finds either the lock held or the quarter closed, never the folder in place with the
     * quarter still open (which reads as an interrupted release to complete).
     */
    public static Published publish(ReleaseRequest req, WhileLocked whileLocked) throws ReleaseException {
        Schema schema = Schema.bundled();
        ReleaseId requested = ReleaseId.parse(req.release());
        if (requested == null || (requested.isErrata() && !req.errata())) {
            throw ReleaseException.usage("'" + req.release() + "' is not a release id: write the quarter as YYYY-Qn, e.g. 2026-Q1"
                    + (req.errata() ? ", or YYYY-Qn.N for a given errata number" : " (YYYY-Qn.N only with --errata)"));
        }
        Path dir = req.snapshots();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ReleaseException(2, "cannot create the snapshots folder " + dir + ": " + e.getMessage(), null, e);
        }
        try (SnapshotsLock lock = SnapshotsLock.acquire(dir)) {
            Phases phases = new Phases();
            Catalog.removeLeftovers(dir);
            List<Release> releases = Catalog.scan(dir);
            Release previous = releases.isEmpty() ? null : releases.get(releases.size() - 1);
            ReleaseId target;
            Path folder;
            try {
                target = target(requested, req.errata(), previous);
                folder = dir.resolve(target.toString());
                if (Files.exists(folder)) {
                    throw ReleaseException.data("release " + target + " already exists in " + dir + " and is never overwritten; "
                            + "to correct it, publish an errata: ./sai release " + target.quarterId() + " --errata --from SHEET");
                }
            } catch (ReleaseException e) {
                requireIntact(Verifier.checkBeforePublishing(releases, schema), dir);   // a damaged release is named first
                throw e;
            }
            String date = (req.date() != null ? req.date() : target.quarterId().quarterEnd()).toString();

            // 1. read and validate the sheet; beside it, check the existing releases
            RecordStore store = new RecordStore(schema);
            Parallel.Both<Verification, Report> read = Parallel.both(
                    () -> Verifier.checkBeforePublishing(releases, schema),
                    () -> new Validator(schema).validate(req.sheet(), req.sheetName(), rr -> store.add(rr.project())));
            requireIntact(read.first(), dir);
            Report report = read.second();
            if (!report.valid()) {
                throw new ReleaseException(report.exitCode(), report.ioFailure()
                        ? "cannot read " + req.sheet() + "; nothing was published"
                        : req.sheet().getFileName() + " has " + report.errors() + " validation error(s); nothing was published",
                        report, null);
            }
            phases.mark("verify-existing+validate");
            // 2. sort
            store.sort();
            phases.mark("sort");
            Published published = write(req, schema, dir, phases, previous, target, folder, date, store, report);
            whileLocked.run(published);
            return published;
        } catch (IOException | UncheckedIOException e) {
            throw new ReleaseException(2, "cannot write the release into " + dir + ": " + e.getMessage(), null, e);
        } catch (SheetException e) {
            throw new ReleaseException(e.isIo() ? 2 : 1, "cannot read the previous release: " + e.getMessage(), null, e);
        } catch (IllegalArgumentException e) {
            throw ReleaseException.data("cannot diff against the previous release: " + e.getMessage());
        }
    }

    /** A damaged existing release stops the release. */
    private static void requireIntact(Verification existing, Path dir) throws ReleaseException {
        if (!existing.ok()) {
            throw ReleaseException.data("the snapshots folder " + dir + " holds a damaged release, so nothing was published:\n  "
                    + String.join("\n  ", existing.errorMessages()) + "\nRestore it from version control or backup; "
                    + "a published release is never edited by hand (use --errata to correct one).");
        }
    }

    /**
     * Writes the release into a temporary folder and renames it into place. The four record files depend only on the
     * sorted records, so they are written on a second thread while this one diffs and writes the change reports and
     * the artifacts; datapackage.json and the manifest, which list the files' hashes, follow.
     */
    private static Published write(ReleaseRequest req, Schema schema, Path dir, Phases phases, Release previous,
                                   ReleaseId target, Path folder, String date, RecordStore store,
                                   Report report) throws IOException, ReleaseException, SheetException {
        Path tmp = Files.createTempDirectory(dir, "." + target + Catalog.TMP_MARK);
        try {
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // temporary folders are created owner-only; a published release is readable like any other folder
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            ReleaseWriter w = new ReleaseWriter(tmp, schema);
            List<Project> records = store.records();
            Manifest previousManifest = previous == null ? null : previous.manifest();
            SchemaContract contract = SchemaContract.of(schema);
            String from = previous == null ? null : previous.id().toString();
            // 3. diff and 4. write the files
            Parallel.Both<Void, Reports> written = Parallel.both(
                    () -> {
                        w.recordFiles(records, req.sources(), store::find);
                        return null;
                    },
                    () -> {
                        Diff diff = diff(store, previous, schema);
                        phases.mark("diff");
                        SemVer version = Versioning.next(previousManifest, contract, diff, req.errata());
                        ReleaseContext ctx = new ReleaseContext(target, version, date, schema, records, diff, previous);
                        return new Reports(ctx, writeReports(ctx, tmp, req, from, phases, w));
                    });
            ReleaseContext ctx = written.second().ctx();
            phases.mark("record-files");
            CrashPoints.reach(CrashPoints.AFTER_RECORD_FILES);
            // 5. manifest
            w.datapackage(target, ctx.version(), date, req.license());
            CrashPoints.reach(CrashPoints.BEFORE_MANIFEST);
            w.manifest(new Manifest(target.toString(), ctx.version().toString(), from, date,
                    store.counts(), written.second().changes().summary(), contract, req.license().id(), w.inventory()));
            for (String sub : ReleaseWriter.listFiles(tmp)) {
                Path parent = tmp.resolve(sub).getParent();
                if (!parent.equals(tmp)) ReleaseWriter.forceToDisk(parent);
            }
            ReleaseWriter.forceToDisk(tmp);
            // 6. rename
            CrashPoints.reach(CrashPoints.BEFORE_RENAME);
            if (Files.exists(folder)) throw ReleaseException.data("release " + target + " appeared while it was being written");
            try {
                Files.move(tmp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new ReleaseException(2, "the file system of " + dir + " cannot rename folders atomically; "
                        + "releases need a local file system", null, e);
            }
            ReleaseWriter.forceToDisk(dir);
            CrashPoints.reach(CrashPoints.AFTER_RENAME);
            Catalog.rewrite(dir);
            phases.mark("publish");
            phases.report();
            return new Published(new Release(target, folder), ctx.version(), previous, ctx.diff(), report);
        } finally {
            org.sovereignai.io.FileTrees.deleteTree(tmp);
        }
    }

    /**
     * The sorted records against the previous release's projects.csv, which lists its rows by id: one merge pass. A file
     * not sorted by id (no release this program wrote) is diffed the general way, its rows held by id.
     */
    private static Diff diff(RecordStore store, Release previous, Schema schema) throws SheetException {
        KeyedDiff keyed = new KeyedDiff(schema);
        if (previous != null) {
            Path oldCsv = previous.folder().resolve(ReleaseFiles.PROJECTS_CSV);
            try {
                return diffSorted(oldCsv, store.packed().iterator(), schema);
            } catch (KeyedDiff.NotSorted e) {
                readRows(oldCsv, schema, keyed::addOld);
            }
        }
        for (String p : store.packed()) keyed.addNewPacked(p);
        return keyed.finish();
    }

    /** What the change reports step made. */
    private record Reports(ReleaseContext ctx, ChangesReport changes) {
    }

    /** The id to publish, after checking it against the newest release. */
    static ReleaseId target(ReleaseId requested, boolean errata, Release previous) throws ReleaseException {
        ReleaseId newest = previous == null ? null : previous.id();
        if (!errata) {
            if (newest != null && requested.compareTo(newest.quarterId()) < 0) {
                throw ReleaseException.data("quarter " + requested + " is older than the newest release " + newest
                        + "; releases go forward in time (use --errata to correct " + newest.quarterId() + ")");
            }
            return requested;
        }
        if (newest == null) throw ReleaseException.data("there is no release to correct yet: publish " + requested.quarterId() + " first, without --errata");
        if (!requested.sameQuarter(newest)) {
            throw ReleaseException.data("an errata corrects the newest quarter, " + newest.quarterId() + "; " + requested.quarterId()
                    + (requested.compareTo(newest) < 0 ? " has been superseded" : " has not been published yet"));
        }
        ReleaseId next = newest.withErrata(newest.errata() + 1);
        if (requested.isErrata() && !requested.equals(next)) {
            throw ReleaseException.data("the next errata of " + newest.quarterId() + " is " + next + ", not " + requested
                    + (requested.compareTo(next) < 0 ? " (it already exists and is never overwritten)" : ""));
        }
        return next;
    }

    /** changes.json, the artifacts' files and CHANGES.md (the record files may still be being written meanwhile). */
    private static ChangesReport writeReports(ReleaseContext ctx, Path tmp, ReleaseRequest req, String from, Phases phases,
                                              ReleaseWriter w) throws IOException {
        ChangesReport changes = new ChangesReport(ctx.diff(), from, ctx.id().toString()).provenance(req.provenance());
        for (ReleaseArtifact a : req.artifacts()) changes.extra(a.changesJson(ctx));
        w.changes(changes);
        phases.mark("changes.json");
        List<ChangesReport.Section> sections = new ArrayList<>();
        for (ReleaseArtifact a : req.artifacts()) {
            a.write(ctx, tmp);
            a.changesSection(ctx).ifPresent(sections::add);
        }
        phases.mark("artifacts");
        w.changesMarkdown(changes.sections(sections));
        phases.mark("CHANGES.md");
        return changes;
    }

    /** Only one release is written into a snapshots folder at a time (also across processes). */
    static final class SnapshotsLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private SnapshotsLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static SnapshotsLock acquire(Path dir) throws ReleaseException {
            try {
                Files.createDirectories(dir);
                FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    throw ReleaseException.usage("another release is being written into " + dir + "; try again when it has finished");
                }
                return new SnapshotsLock(ch, l);
            } catch (IOException e) {
                throw new ReleaseException(2, "cannot lock " + dir + ": " + e.getMessage(), null, e);
            }
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }


    /** With {@code -Dsai.timing=true}, prints how long each step of a release took (stderr), for benchmarks. */
    static final class Phases {
        private final boolean on = Boolean.getBoolean("sai.timing");
        private final StringBuilder sb = new StringBuilder();
        private long last = System.nanoTime();
        private long lastCpu = on ? cpu() : 0;

        /** Wall time since the last mark, then this thread's CPU time (e.g. {@code diff=1600ms/700}). */
        void mark(String phase) {
            if (!on) return;
            long now = System.nanoTime();
            long cpu = cpu();
            sb.append(' ').append(phase).append('=').append((now - last) / 1_000_000).append("ms/").append((cpu - lastCpu) / 1_000_000);
            last = now;
            lastCpu = cpu;
        }

        private static long cpu() {
            return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }

        void report() {
            if (on) System.err.println("release timing:" + sb);
        }
    }
}
