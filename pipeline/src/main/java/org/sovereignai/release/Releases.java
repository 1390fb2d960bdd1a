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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.io.CrashPoints;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Columns;
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
    static final String LOCK = ".release.lock";

    private Releases() {
    }

    /** A release folder. */
    public record Release(ReleaseId id, Path folder) {
        public Manifest manifest() throws IOException {
            return Manifest.read(folder.resolve(Manifest.FILE));
        }

        /** The release's records, read from its projects.csv. */
        public List<Project> records(Schema schema) throws SheetException {
            return SheetRecords.read(folder.resolve(ReleaseWriter.PROJECTS_CSV), schema);
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
        return Files.isRegularFile(folder.resolve(Manifest.FILE)) ? Optional.of(new Release(rid, folder)) : Optional.empty();
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

    /** Streams the projects of a sheet or a release's projects.csv, unvalidated (for trusted files). */
    public static void readRecords(Path file, Schema schema, Consumer<Project> sink) throws SheetException {
        try (Sheet sheet = Sheet.open(file, null)) {
            Columns columns = Columns.of(schema, sheet.header());
            for (Row row = sheet.next(); row != null; row = sheet.next()) sink.accept(columns.project(row));
        }
    }

    /**
     * Streams the rows of a release's projects.csv (or any sheet) as raw cell values in contract order, without building
     * projects: the fast input of {@link KeyedDiff#addOld(String[])} and {@link KeyedDiff#addNew(String[])}.
     */
    public static void readRows(Path file, Schema schema, Consumer<String[]> sink) throws SheetException {
        RowPipe.read(file, schema, sink);
    }

    /**
     * The diff of two releases' projects.csv files the fast way (rows whose bytes are equal are never parsed; the two
     * files are read on two threads), or empty when a file is not a canonical release file or cannot be read: then diff
     * them the general way ({@link #readRows} into a {@link KeyedDiff}), which also explains what is wrong.
     */
    public static Optional<Diff> diffReleaseFiles(Path oldCsv, Path newCsv, Schema schema) {
        try {
            return ReleaseDiff.of(oldCsv, newCsv, schema);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public static Published publish(ReleaseRequest req) throws ReleaseException {
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
            // hashing the existing releases and indexing the newest one's rows run beside the validation of the sheet;
            // their outcome is awaited before anything that depends on it, and a damaged release still stops the release
            // before any other finding is reported
            HashStamps stamps = HashStamps.load(dir);
            FutureTask<Previous> background = Tasks.start("release-previous", () -> Previous.check(releases, previous, schema, stamps));
            try {
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
                    await(background, dir);
                    throw e;
                }
                String date = (req.date() != null ? req.date() : target.quarterId().quarterEnd()).toString();

                RecordStore store = new RecordStore(schema, req.sources());
                Report report;
                try {
                    report = new Validator(schema).validate(req.sheet(), req.sheetName(), rr -> store.add(rr.project()));
                    store.finish();
                } finally {
                    store.abandon();
                }
                Previous prev = await(background, dir);
                phases.mark("verify-existing+validate");
                if (!report.valid()) {
                    throw new ReleaseException(report.exitCode(), report.ioFailure()
                            ? "cannot read " + req.sheet() + "; nothing was published"
                            : req.sheet().getFileName() + " has " + report.errors() + " validation error(s); nothing was published",
                            report, null);
                }
                store.sort();
                phases.mark("sort");
                Manifest previousManifest = previous == null ? null : previous.manifest();
                return write(req, schema, dir, phases, previous, prev.rows(), target, folder, date, store, report,
                        previousManifest, stamps);
            } finally {
                background.cancel(true);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ReleaseException(2, "cannot write the release into " + dir + ": " + e.getMessage(), null, e);
        } catch (SheetException e) {
            throw new ReleaseException(e.isIo() ? 2 : 1, "cannot read the previous release: " + e.getMessage(), null, e);
        } catch (IllegalArgumentException e) {
            throw ReleaseException.data("cannot diff against the previous release: " + e.getMessage());
        }
    }

    /** What the helper thread found about the existing releases: their check, and the newest one's rows (null when not canonical). */
    private record Previous(Verification existing, RowTable rows) {
        static Previous check(List<Release> releases, Release previous, Schema schema, HashStamps stamps) throws IOException {
            Verification existing = Verifier.verifyReleases(releases, schema, false, stamps, true);
            RowTable rows = null;
            if (existing.ok() && previous != null) {
                try {
                    rows = CanonicalCsv.scan(previous.folder().resolve(ReleaseWriter.PROJECTS_CSV),
                            CanonicalCsv.header(schema.fields().stream().map(org.sovereignai.record.FieldSpec::name).toList()));
                    if (!rows.ascending()) rows = null;
                } catch (CanonicalCsv.NotCanonical e) {
                    rows = null;    // an older writer or contract (or rows not sorted by id): the diff reads it the general way
                }
            }
            return new Previous(existing, rows);
        }
    }

    /** Waits for the helper; a damaged existing release stops the release here. */
    private static Previous await(FutureTask<Previous> background, Path dir) throws ReleaseException, IOException {
        Previous prev = Tasks.await(background, "checking the existing releases");
        if (!prev.existing().ok()) {
            throw ReleaseException.data("the snapshots folder " + dir + " holds a damaged release, so nothing was published:\n  "
                    + String.join("\n  ", prev.existing().errorMessages()) + "\nRestore it from version control or backup; "
                    + "a published release is never edited by hand (use --errata to correct one).");
        }
        return prev;
    }

    /**
     * The new records against the previous release. Rows whose bytes hash like the previous release's row with the same
     * id are unchanged without parsing either; the rest go through {@link KeyedDiff} as usual.
     */
    private static Diff diff(RecordStore store, Release previous, RowTable old, Schema schema, Phases phases)
            throws IOException, SheetException {
        KeyedDiff kd = new KeyedDiff(schema);
        if (previous == null) return kd.diff(store.records());
        Path oldCsv = previous.folder().resolve(ReleaseWriter.PROJECTS_CSV);
        if (old != null) {
            // matching needs only the sorted records, like the writers running beside it
            RecordStore.Matched matched = store.match(old);
            phases.mark("match");
            int[] rows = matched.oldRows();
            try {
                for (String[] raw : CanonicalCsv.decode(oldCsv, old, rows, rows.length, schema.fields().size())) kd.addOld(raw);
                kd.addUnchanged(matched.unchanged());
                return kd.diff(matched.fresh());
            } catch (CanonicalCsv.NotCanonical e) {
                kd = new KeyedDiff(schema);   // cannot happen for a file that scanned; read it the general way all the same
            }
        }
        readRows(oldCsv, schema, kd::addOld);
        return kd.diff(store.records());
    }

    /**
     * Writes the release into a temporary folder and renames it into place. The four record files depend only on the
     * sorted records, so they are written on two threads while this one computes the diff; the change reports, the
     * artifacts and the manifest follow.
     */
    private static Published write(ReleaseRequest req, Schema schema, Path dir, Phases phases, Release previous,
                                   RowTable oldRows, ReleaseId target, Path folder,
                                   String date, RecordStore store, Report report, Manifest previousManifest,
                                   HashStamps stamps) throws IOException, ReleaseException, SheetException {
        Path tmp = Files.createTempDirectory(dir, "." + target + Catalog.TMP_MARK);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // temporary folders are created owner-only; a published release is readable like any other folder
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ReleaseWriter w = new ReleaseWriter(tmp, schema);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "release-files");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> recordFiles = List.of(
                    pool.submit(() -> {
                        w.projectsJson(store);
                        return null;
                    }),
                    pool.submit(() -> {
                        w.projectsCsv(store);
                        w.sourcesCsv(store);
                        w.baseModelsCsv(store);
                        return null;
                    }));
            Diff diff = diff(store, previous, oldRows, schema, phases);
            phases.mark("diff");
            SchemaContract contract = SchemaContract.of(schema);
            SemVer version = Versioning.next(previousManifest, contract, diff, req.errata());
            ReleaseContext ctx = new ReleaseContext(target, version, date, schema, store.records(), diff, previous);
            writeReports(ctx, store, tmp, req, contract, phases, w, recordFiles);
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
            stamp(new Release(target, folder), stamps);
            phases.mark("publish");
            phases.report();
            return new Published(new Release(target, folder), version, previous, diff, report);
        } finally {
            // the writers must have stopped before their folder is deleted
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            w.close();
            Catalog.deleteTree(tmp);
        }
    }

    /**
     * Records the new release's files with the sha256 computed while writing them, so the next release need not read
     * them again to check them. Only a cache: a failure here costs that next release some hashing, nothing else.
     */
    private static void stamp(Release release, HashStamps stamps) {
        try {
            for (Map.Entry<String, Manifest.FileEntry> e : release.manifest().files().entrySet()) {
                stamps.record(release.folder().resolve(e.getKey()), e.getValue().sha256());
            }
            stamps.save();
        } catch (IOException | RuntimeException e) {
            // only a cache
        }
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

    /**
     * changes.json, the artifacts and CHANGES.md (while the record files may still be written), then, once they are,
     * datapackage.json and the manifest, which list their hashes.
     */
    private static void writeReports(ReleaseContext ctx, RecordStore store, Path tmp, ReleaseRequest req, SchemaContract contract,
                                     Phases phases, ReleaseWriter w, List<Future<?>> recordFiles) throws IOException {
        String from = ctx.previous() == null ? null : ctx.previous().id().toString();
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
        for (Future<?> f : recordFiles) Tasks.await(f, "writing the record files");
        phases.mark("record-files");
        CrashPoints.reach(CrashPoints.AFTER_RECORD_FILES);
        w.datapackage(ctx.id(), ctx.version(), ctx.date());
        CrashPoints.reach(CrashPoints.BEFORE_MANIFEST);
        w.manifest(new Manifest(ctx.id().toString(), ctx.version().toString(), from, ctx.date(),
                store.counts(), changes.summary(), contract, w.inventory()));
        w.awaitDisk();
        phases.mark("fsync-wait");
        for (String sub : ReleaseWriter.listFiles(tmp)) {
            Path parent = tmp.resolve(sub).getParent();
            if (!parent.equals(tmp)) ReleaseWriter.forceToDisk(parent);
        }
        ReleaseWriter.forceToDisk(tmp);
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
