package org.sovereignai.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CuratorReport;
import org.sovereignai.curation.FileNames;
import org.sovereignai.curation.InboxFiles;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;

/**
 * The watched inbox ({@code curation/inbox/}, while {@code ./sai serve} runs). A file in {@code inbox/NAME/} is
 * credited to curator NAME; a file directly in the inbox to "unknown". Each file goes through {@code direct:submit}.
 * The inbox file is deleted only after its outcome is recorded (the archive holds the verbatim copy). Every file gets
 * a dated report in {@code curation/reports/CURATOR/} ({@link InboxFiles#report}), accepted or not, a file that repeats
 * one already received included; a rejected, refused or failed file is also kept in {@code curation/rejected/CURATOR/}
 * under its content hash beside the same report ({@link InboxFiles#keep}). Links and special files are refused unread ({@link InboxFiles#refusal}). A JVM killed mid-way leaves
 * the file in the inbox, and the next run completes it (a file already recorded is recognised by its hash).
 */
public final class InboxRoutes extends RouteBuilder {
    private static final String ORIGINAL_NAME = "SaiOriginalName";
    private static final String INBOX_FILE = "SaiInboxFile";
    private static final String CURATOR = "SaiCurator";
    /** When the inbox took the file (UTC). */
    private static final String RECEIVED = "SaiReceived";
    /** Why the inbox will not read the file (a link, a special file, a path leaving the inbox); absent when safe. */
    private static final String UNSAFE = "SaiUnsafe";

    private final Curation curation;
    private final Consumer<String> events;

    public InboxRoutes(Curation curation, Consumer<String> events) {
        this.curation = curation;
        this.events = events;
    }

    /**
     * The file endpoint, from the settings: a file must stay unchanged for {@code sai.inbox.read-lock-ms} before it is
     * taken (and is given up after {@code sai.inbox.read-lock-timeout-ms}); hidden, temporary and Office lock files are
     * ignored. {@code sai.inbox.dir} is the project's inbox ({@link CamelRuntime} sets it).
     */
    static final String ENDPOINT = "file:{{sai.inbox.dir}}?recursive=true&maxDepth=2&delete=true"
            + "&readLock=changed&readLockCheckInterval={{sai.inbox.read-lock-ms}}&readLockMinAge={{sai.inbox.read-lock-ms}}"
            + "&readLockTimeout={{sai.inbox.read-lock-timeout-ms}}&delay={{sai.inbox.delay-ms}}&sortBy=file:modified"
            + "&exclude=RAW(^(\\..*|~\\$.*|.*\\.(tmp|part|crdownload))$)&filter=#" + InboxRoutes.FILTER;

    /** The registry name of {@link #noLinkedFolders}. */
    static final String FILTER = "saiInboxFilter";

    @Override
    public void configure() throws IOException {
        Files.createDirectories(curation.workspace().inbox());
        getCamelContext().getRegistry().bind(FILTER, (org.apache.camel.component.file.GenericFileFilter<Object>) this::noLinkedFolders);
        from(ENDPOINT).routeId("inbox")
                .process(this::describe)
                .choice()
                    .when(ex -> ex.getIn().getHeader(UNSAFE) != null)
                        .process(this::unsafe)
                    .otherwise()
                        .doTry()
                            .to(SubmissionRoutes.SUBMIT)
                            .process(this::afterSubmit)
                        .doCatch(Exception.class)
                            .process(this::failed)
                        .end()
                .end();
    }

    private final java.util.Set<String> reportedFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The consumer never walks into a folder that is a symbolic link: a file under it lives outside the inbox, and the
     * endpoint's delete would remove it there. The operator's log names such a folder once.
     */
    private boolean noLinkedFolders(org.apache.camel.component.file.GenericFile<Object> f) {
        if (!f.isDirectory()) return true;
        Path dir = Path.of(f.getAbsoluteFilePath());
        if (!Files.isSymbolicLink(dir)) return true;
        if (reportedFolders.add(dir.toString())) {
            events.accept("inbox: folder " + FileNames.display(f.getFileName()) + " is a symbolic link; nothing in it is read");
        }
        return false;
    }

    /** The submission request for an inbox file: the curator from its folder, the door "inbox". */
    private void describe(Exchange ex) {
        String relative = ex.getIn().getHeader(Exchange.FILE_NAME, String.class);
        String only = ex.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String curator = "unknown";
        if (relative != null) {
            String r = relative.replace('\\', '/');
            int slash = r.lastIndexOf('/');
            if (slash > 0) curator = FileNames.display(r.substring(0, slash));
        }
        Path file = Path.of(ex.getIn().getHeader(Exchange.FILE_PATH, String.class));
        ex.getIn().setHeader(ORIGINAL_NAME, only);
        ex.getIn().setHeader(INBOX_FILE, file);
        ex.getIn().setHeader(CURATOR, curator);
        ex.getIn().setHeader(RECEIVED, OffsetDateTime.now(ZoneOffset.UTC));
        String unsafe = InboxFiles.refusal(curation.workspace().inbox(), file);
        if (unsafe != null) ex.getIn().setHeader(UNSAFE, unsafe);
        ex.getIn().setBody(new Submissions.Request(file, only, curator, null, "inbox"));
    }

    /**
     * A link or special file: refused without reading it (nor its target). The curator's report says why, the operator's
     * log names it, and the file endpoint then deletes the inbox entry (for a link: the link, never its target).
     */
    private void unsafe(Exchange ex) throws IOException {
        String name = ex.getIn().getHeader(ORIGINAL_NAME, String.class);
        String why = ex.getIn().getHeader(UNSAFE, String.class);
        event(ex, "refused: " + why);
        String message = "'" + FileNames.display(name) + "' was refused: " + why + ". Copy the file itself into the inbox.";
        reject(ex, null, CuratorReport.notSubmitted(name, curator(ex), received(ex), "refused", message));
    }

    /**
     * Every outcome gets the curator's dated report in reports/CURATOR/, credited to whoever dropped the file (also
     * when it repeats another curator's file); a rejected or refused file is also kept in rejected/CURATOR/.
     */
    private void afterSubmit(Exchange ex) throws IOException {
        SubmissionResult result = ex.getIn().getBody(SubmissionResult.class);
        String name = ex.getIn().getHeader(ORIGINAL_NAME, String.class);
        event(ex, result.message());
        CuratorReport report = CuratorReport.of(name, curator(ex), received(ex), result);
        if (result.outcome() == SubmissionResult.Outcome.REJECTED || result.outcome() == SubmissionResult.Outcome.REFUSED) {
            reject(ex, ex.getIn().getHeader(INBOX_FILE, Path.class), report);
        } else {
            InboxFiles.report(curation.workspace(), curator(ex), name, report);
        }
    }

    private void failed(Exchange ex) throws IOException {
        Exception e = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String name = ex.getIn().getHeader(ORIGINAL_NAME, String.class);
        String why = e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
        event(ex, "not processed: " + why);
        reject(ex, ex.getIn().getHeader(INBOX_FILE, Path.class), CuratorReport.notSubmitted(name, curator(ex), received(ex),
                "failed", "the file could not be processed: " + why + "\nNothing was recorded. Put it back into curation/inbox/ to try again."));
    }

    /**
     * Keeps the inbox file (null: not read) in rejected/CURATOR/ under its content hash, beside a dated report, and
     * writes the same report into reports/CURATOR/; the file endpoint then deletes the inbox copy.
     */
    private void reject(Exchange ex, Path file, CuratorReport report) throws IOException {
        String name = ex.getIn().getHeader(ORIGINAL_NAME, String.class);
        InboxFiles.keep(curation.workspace(), curator(ex), name, file, report);
        InboxFiles.report(curation.workspace(), curator(ex), name, report);
    }

    /** One line of the operator's log, naming the curator who dropped the file: "inbox: bob/q3.csv: ...". */
    private void event(Exchange ex, String what) {
        events.accept("inbox: " + curator(ex) + "/" + FileNames.display(ex.getIn().getHeader(ORIGINAL_NAME, String.class)) + ": " + what);
    }

    private static String curator(Exchange ex) {
        return ex.getIn().getHeader(CURATOR, String.class);
    }

    private static OffsetDateTime received(Exchange ex) {
        return ex.getIn().getHeader(RECEIVED, OffsetDateTime.class);
    }
}
