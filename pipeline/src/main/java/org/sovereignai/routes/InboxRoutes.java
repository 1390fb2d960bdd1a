package org.sovereignai.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.FileNames;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.io.AtomicFiles;
import org.sovereignai.io.Json;

/**
 * The watched inbox ({@code curation/inbox/}, while {@code ./sai serve} runs). A file in {@code inbox/NAME/} is
 * credited to curator NAME; a file directly in the inbox to "unknown". Each file goes through {@code direct:submit}.
 * The inbox file is deleted only after its outcome is recorded (the archive holds the verbatim copy); a rejected,
 * refused or failed file is first copied to {@code curation/rejected/} beside its report. A JVM killed mid-way leaves
 * the file in the inbox, and the next run completes it (a file already recorded is recognised by its hash).
 */
public final class InboxRoutes extends RouteBuilder {
    private static final String ORIGINAL_NAME = "SaiOriginalName";
    private static final String INBOX_FILE = "SaiInboxFile";

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
            + "&exclude=RAW(^(\\..*|~\\$.*|.*\\.(tmp|part|crdownload))$)";

    @Override
    public void configure() throws IOException {
        Files.createDirectories(curation.workspace().inbox());
        from(ENDPOINT).routeId("inbox")
                .process(this::describe)
                .doTry()
                    .to(SubmissionRoutes.SUBMIT)
                    .process(this::afterSubmit)
                .doCatch(Exception.class)
                    .process(this::failed)
                .end();
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
        ex.getIn().setBody(new Submissions.Request(file, only, curator, null, "inbox"));
    }

    private void afterSubmit(Exchange ex) throws IOException {
        SubmissionResult result = ex.getIn().getBody(SubmissionResult.class);
        String name = ex.getIn().getHeader(ORIGINAL_NAME, String.class);
        events.accept("inbox: " + FileNames.display(name) + ": " + result.message());
        if (result.outcome() == SubmissionResult.Outcome.REJECTED) {
            Path dir = curation.workspace().home().resolve(result.submission().archivePath());
            String base = FileNames.stem(name) + "." + result.submission().sha256().substring(0, 12);
            Path rejected = curation.workspace().rejected();
            copy(ex, rejected.resolve(base + "." + FileNames.extension(name)));
            AtomicFiles.write(rejected.resolve(base + ".report.txt"), Files.readAllBytes(dir.resolve("report.txt")));
            AtomicFiles.write(rejected.resolve(base + ".report.json"), Files.readAllBytes(dir.resolve("report.json")));
        } else if (result.outcome() == SubmissionResult.Outcome.REFUSED) {
            reject(ex, name, "refused", result.message());
        }
    }

    private void failed(Exchange ex) throws IOException {
        Exception e = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String name = ex.getIn().getHeader(ORIGINAL_NAME, String.class);
        String why = e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
        events.accept("inbox: " + FileNames.display(name) + ": not processed: " + why);
        reject(ex, name, "failed", "the file could not be processed: " + why
                + "\nNothing was recorded. Put it back into curation/inbox/ to try again.");
    }

    /** Copies the inbox file to rejected/ with a report; the file endpoint then deletes the inbox copy. */
    private void reject(Exchange ex, String name, String outcome, String message) throws IOException {
        Path rejected = curation.workspace().rejected();
        Path file = ex.getIn().getHeader(INBOX_FILE, Path.class);
        String tag = Files.exists(file) ? Long.toString(Files.size(file)) + "-bytes" : "gone";
        String base = FileNames.stem(name) + "." + outcome + "-" + tag;
        copy(ex, rejected.resolve(base + "." + FileNames.extension(name)));
        AtomicFiles.write(rejected.resolve(base + ".report.txt"), FileNames.display(name) + ": " + message + "\n");
        AtomicFiles.write(rejected.resolve(base + ".report.json"), Json.write(java.util.Map.of(
                "file", FileNames.display(name), "outcome", outcome, "message", message)));
    }

    private static void copy(Exchange ex, Path target) throws IOException {
        Path file = ex.getIn().getHeader(INBOX_FILE, Path.class);
        if (!Files.exists(file)) return;
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
