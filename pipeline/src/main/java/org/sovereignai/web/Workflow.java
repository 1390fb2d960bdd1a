package org.sovereignai.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sovereignai.accounts.Accounts;
import org.sovereignai.accounts.Sessions;
import org.sovereignai.accounts.SignInThrottle;
import org.sovereignai.app.Home;
import org.sovereignai.app.PublishRelease;
import org.sovereignai.app.Refusal;
import org.sovereignai.app.SubmitFile;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.FileNames;
import org.sovereignai.curation.QuarterInfo;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.release.ReleaseException;

/**
 * The curation workflow as the HTTP door holds it: one {@link Curation} for the server's life, opened on the first
 * request that needs it (a server over releases alone never creates a database), shared by the curation API and the
 * curation pages, with the accounts, sessions and sign-in counts on the same database.
 */
final class Workflow implements AutoCloseable {
    /** The sheet formats the readers take. */
    private static final Set<String> SHEETS = Set.of("csv", "xlsx", "ods");

    private final Home home;
    private final java.time.Duration idle;
    private Curation curation;

    Workflow(Home home, java.time.Duration idle) {
        this.home = home;
        this.idle = idle;
    }

    Home home() {
        return home;
    }

    synchronized Curation curation() {
        if (curation == null) curation = home.openCuration();
        return curation;
    }

    Accounts accounts() {
        return new Accounts(curation().dataSource());
    }

    Sessions sessions() {
        return new Sessions(curation().dataSource(), idle, java.time.Clock.systemUTC());
    }

    SignInThrottle throttle() {
        return new SignInThrottle(curation().dataSource());
    }

    interface Work<T> {
        T run() throws IOException, ReleaseException;
    }

    /**
     * Runs a use case for an HTTP request: what the workflow refuses is a state that forbids the request (409: a
     * quarter not open, a change decided meanwhile or in conflict, naming the rival); a release that fails its gates
     * is 422.
     */
    static <T> T run(Work<T> work) {
        try {
            return work.run();
        } catch (CurationException e) {
            throw HttpRefusal.conflict(e.getMessage());
        } catch (ReleaseException e) {
            // a gate that fails is the data's (422); the rest is the state of the snapshots (another release being
            // written, one already there), which the request conflicts with (409)
            if (e.exitCode() == 2) throw HttpRefusal.conflict(e.getMessage());
            throw Refusal.data(e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The uploaded file's name for display, when it names a sheet the readers take.
     *
     * @throws HttpRefusal 415 for anything else (a URL list stays with the CLI and the inbox, which fetch its pages)
     */
    String sheetName(ApiRequest.Upload up) {
        String name = FileNames.display(up.clientName());
        String ext = FileNames.extension(name).toLowerCase(Locale.ROOT);
        if (!SHEETS.contains(ext)) {
            throw new HttpRefusal(new Problem(415, "Unsupported Media Type", "'" + name + "' is not a sheet: send a .csv, .xlsx or .ods file"), Map.of());
        }
        return name;
    }

    /**
     * Submits (or, {@code dryRun}, only checks) an uploaded sheet as {@code curator} to {@code quarter}, which must be
     * the open one.
     */
    SubmissionResult submit(String quarter, Path file, String name, String curator, String note, String door, boolean dryRun)
            throws IOException {
        QuarterInfo open = curation().quarters().requireOpen();
        if (quarter != null && !open.name().equals(quarter)) throw HttpRefusal.conflict("the open quarter is " + open.name() + ", not " + quarter);
        Submissions.Request r = new Submissions.Request(file, name, curator, note, door);
        SubmitFile use = new SubmitFile(curation(), null);
        return dryRun ? use.check(r) : use.run(r);
    }

    /** Removes the server's temporary copy of an upload; the archive holds the original. */
    static void discard(ApiRequest.Upload up) {
        try {
            Files.deleteIfExists(up.file());
        } catch (IOException e) {
            // a leftover temporary file is removed with the server's upload folder
        }
    }

    /** Publishes the open quarter as {@code actor}; one release at a time in this process. */
    synchronized PublishRelease.Result release(String quarter, java.time.LocalDate day, String actor) throws IOException, ReleaseException {
        // the release step opens the workflow itself; ours stays open (one pool per database in a process)
        return new PublishRelease(home).run(new PublishRelease.Request(quarter, null, null, null, day, false), actor);
    }

    /** What releasing the open quarter {@code quarter} would publish; 409 when it is not the open one. */
    org.sovereignai.app.PreviewRelease.Preview preview(String quarter) throws IOException {
        QuarterInfo open = curation().quarters().requireOpen();
        if (!open.name().equals(quarter)) throw HttpRefusal.conflict("the open quarter is " + open.name() + ", not " + quarter);
        return new org.sovereignai.app.PreviewRelease(home, curation()).run(quarter);
    }

    @Override
    public synchronized void close() {
        if (curation != null) curation.close();
        curation = null;
    }
}
