package org.sovereignai.web.pages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sovereignai.accounts.Account;
import org.sovereignai.app.ChangeEvidence;
import org.sovereignai.app.PreviewRelease;
import org.sovereignai.check.Finding;
import org.sovereignai.curation.ChangeState;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Quarters;
import org.sovereignai.curation.Review;
import org.sovereignai.curation.Submission;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.sheet.CellRef;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sheet.Sheets;
import org.sovereignai.web.pages.Views.AccountRow;
import org.sovereignai.web.pages.Views.AdminPage;
import org.sovereignai.web.pages.Views.ChangeRow;
import org.sovereignai.web.pages.Views.CuratorPage;
import org.sovereignai.web.pages.Views.EvidenceView;
import org.sovereignai.web.pages.Views.FindingView;
import org.sovereignai.web.pages.Views.GridCell;
import org.sovereignai.web.pages.Views.GridRow;
import org.sovereignai.web.pages.Views.Nav;
import org.sovereignai.web.pages.Views.PreviewView;
import org.sovereignai.web.pages.Views.Quarter;
import org.sovereignai.web.pages.Views.RecordGroup;
import org.sovereignai.web.pages.Views.ReviewItem;
import org.sovereignai.web.pages.Views.ReviewPage;
import org.sovereignai.web.pages.Views.SignInPage;
import org.sovereignai.web.pages.Views.SubmissionRow;
import org.sovereignai.web.pages.Views.UploadPage;

/**
 * The curation pages (issue 14): sign-in, the curator's desk and an upload's answer, the reviewer's queue, the admin's
 * quarter and release. Values come from the same use cases as the curation API and the CLI; the templates lay them
 * out and escape every one. A curator is shown only their own submissions.
 */
public final class Workbench {
    /** The grid shows the first rows of a sheet and every row with a finding, up to this many rows in all. */
    static final int GRID_ROWS = 300;
    /** Rows shown whether or not they have findings: enough to recognise one's sheet. */
    static final int FIRST_ROWS = 50;
    /** Cells longer than this are cut in the grid (the finding beside it quotes the value). */
    static final int CELL_CHARS = 120;

    private final Templates templates = new Templates();

    public String signIn(String message, String name, String csrf) {
        return templates.render("signin.jte", Map.of("view", new SignInPage(message, name, csrf)));
    }

    public static Nav nav(Account a, String csrf) {
        return new Nav(a.name(), a.role().value(), a.role().allows(org.sovereignai.accounts.Role.REVIEWER),
                a.role().allows(org.sovereignai.accounts.Role.ADMIN), csrf);
    }

    // ---- curator

    public String curator(Nav nav, Curation curation) {
        Quarters.Status status = curation.quarters().current().isPresent() ? curation.quarters().status() : null;
        List<SubmissionRow> mine = new ArrayList<>();
        if (status != null) {
            var repo = curation.repository();
            for (Submission s : status.submissions()) {
                if (!s.curator().equals(nav.account())) continue;
                List<ChangeRow> changes = new ArrayList<>();
                for (ProposedChange c : repo.read(x -> repo.changesOfSubmission(x, s.id()))) changes.add(change(c));
                mine.add(new SubmissionRow(s.label(), s.originalName(), s.receivedAt().toString(), s.outcome(), s.errors(),
                        s.warnings(), s.door(), changes));
            }
        }
        return templates.render("curate.jte", Map.of("view", new CuratorPage(nav, quarter(status), mine)));
    }

    /**
     * The answer to an upload: {@code file} is the uploaded copy, read again here for the grid (the same reader and
     * limits as the submission; a file the reader refuses has no grid, only its findings).
     */
    public String upload(Nav nav, Path file, String displayName, boolean checkOnly, SubmissionResult result) {
        List<Finding> findings = result.report() == null ? List.of() : result.report().findings();
        Map<Integer, List<Finding>> byRow = new HashMap<>();
        List<FindingView> other = new ArrayList<>();
        for (Finding f : findings) {
            if (f.position() != null && f.position().row() != null) byRow.computeIfAbsent(f.position().row(), k -> new ArrayList<>()).add(f);
            else other.add(finding(f));
        }
        List<String> header = new ArrayList<>();
        List<GridRow> rows = new ArrayList<>();
        int notShown = 0;
        try (Sheet sheet = Sheets.open(file, displayName, null, Sheets.Limits.DEFAULT)) {
            header.addAll(sheet.header());
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            Row r;
            int read = 0;
            // the rows the submission counted: once the first rows are shown and every flagged row is placed, the
            // rest of a large sheet need not be read a second time just to say how many are not shown
            long counted = result.report() == null ? 0 : result.report().records();
            while ((r = sheet.next()) != null) {
                read++;
                if (read > FIRST_ROWS && byRow.isEmpty() && counted >= read) {
                    notShown += (int) (counted - read + 1);
                    break;
                }
                List<Finding> here = byRow.remove(r.number());
                boolean wanted = here != null || read <= FIRST_ROWS;
                if (!wanted || rows.size() >= GRID_ROWS) {
                    notShown++;
                    if (here != null) for (Finding f : here) other.add(finding(f));
                    continue;
                }
                rows.add(gridRow(r, header.size(), here == null ? List.of() : here, columns));
            }
        } catch (SheetException | RuntimeException e) {
            // the findings already say why the file could not be read; the page shows them without a grid
            rows.clear();
            header.clear();
        }
        for (List<Finding> left : byRow.values()) for (Finding f : left) other.add(finding(f));
        List<ChangeRow> changes = new ArrayList<>();
        for (ProposedChange c : result.changes()) changes.add(change(c));
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        long errors = result.report() == null ? 0 : result.report().errors();
        long warnings = result.report() == null ? 0 : result.report().warnings();
        return templates.render("upload.jte", Map.of("view", new UploadPage(nav, displayName, checkOnly, outcome, result.message(),
                result.submission() == null ? null : result.submission().label(), header, rows, notShown, other, changes, errors, warnings)));
    }

    private static GridRow gridRow(Row r, int width, List<Finding> findings, Map<String, Integer> columns) {
        Map<Integer, Finding> worst = new HashMap<>();
        for (Finding f : findings) {
            Integer col = f.position().column() == null ? null : columns.get(f.position().column().strip().toLowerCase(Locale.ROOT));
            if (col == null) continue;
            Finding had = worst.get(col);
            if (had == null || (f.isError() && !had.isError())) worst.put(col, f);
        }
        List<GridCell> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String v = r.cell(i);
            if (v != null && v.length() > CELL_CHARS) v = v.substring(0, CELL_CHARS) + "…";
            Finding f = worst.get(i);
            cells.add(new GridCell(CellRef.of(i, r.number()), v == null ? "" : v, f == null ? null : level(f),
                    f == null ? null : f.message()));
        }
        List<FindingView> views = new ArrayList<>();
        for (Finding f : findings) views.add(finding(f));
        return new GridRow(r.number(), cells, views);
    }

    private static FindingView finding(Finding f) {
        Position p = f.position();
        String where = p == null ? "" : p.cell() != null ? (p.sheet() == null ? "" : p.sheet() + "!") + p.cell()
                : p.row() != null ? "row " + p.row() : p.describe();
        return new FindingView(where, level(f), f.code(), f.message());
    }

    private static String level(Finding f) {
        return f.isError() ? "error" : "warning";
    }

    // ---- reviewer

    /**
     * How many records the review page shows at once: each change on it carries its evidence (a read of the stored
     * source checks), and a queue of tens of thousands of changes would make a page no one can load; deciding these
     * brings the next ones up.
     */
    static final int RECORDS_SHOWN = 200;

    public String review(Nav nav, Curation curation) {
        String quarter = curation.quarters().current().map(q -> q.name()).orElse(null);
        List<RecordGroup> groups = new ArrayList<>();
        Map<String, Views.SubmissionBatch> batches = new LinkedHashMap<>();
        long pending = 0;
        int records = 0;
        if (quarter != null) {
            Map<String, List<Review.Item>> byRecord = new LinkedHashMap<>();
            for (Review.Item i : curation.review().pending()) {
                pending++;
                byRecord.computeIfAbsent(i.change().recordId(), k -> new ArrayList<>()).add(i);
                Views.SubmissionBatch had = batches.get(i.change().submissionLabel());
                batches.put(i.change().submissionLabel(), new Views.SubmissionBatch(i.change().submissionLabel(), i.change().curator(),
                        had == null ? 1 : had.pending() + 1, (had != null && had.conflicted()) || i.conflicted()));
            }
            records = byRecord.size();
            ChangeEvidence evidence = new ChangeEvidence(curation);
            for (Map.Entry<String, List<Review.Item>> e : byRecord.entrySet()) {
                if (groups.size() == RECORDS_SHOWN) break;
                List<ReviewItem> items = new ArrayList<>();
                for (Review.Item i : e.getValue()) items.add(reviewItem(i, evidence));
                boolean conflicted = items.stream().anyMatch(i -> !i.rivals().isEmpty());
                List<String> subs = items.stream().map(i -> i.change().submission()).distinct().toList();
                groups.add(new RecordGroup(e.getKey(), conflicted, items, subs));
            }
        }
        return templates.render("review.jte", Map.of("view", new ReviewPage(nav, quarter, groups, pending, records,
                List.copyOf(batches.values()))));
    }

    private ReviewItem reviewItem(Review.Item i, ChangeEvidence evidence) {
        List<String> rivals = new ArrayList<>();
        for (ProposedChange r : i.rivals()) rivals.add(r.label());
        List<EvidenceView> ev = new ArrayList<>();
        for (ChangeEvidence.Source s : evidence.of(i.change())) {
            ev.add(new EvidenceView(s.url(), s.title(), s.state(), s.mentions() == null ? null
                    : s.mentions() ? "mentions the new value" : "does not mention the new value"));
        }
        return new ReviewItem(change(i.change()), rivals, ev);
    }

    // ---- admin

    public String admin(Nav nav, Curation curation, String nextQuarter, PreviewRelease.Preview preview, List<Account> accounts,
                        String published) {
        Quarters.Status status = curation.quarters().current().isPresent() ? curation.quarters().status() : null;
        PreviewView p = preview == null ? null : new PreviewView(preview.version(), preview.changes(), preview.stats(),
                preview.refusal(), preview.approvedChanges(), preview.curators(), preview.pending());
        List<AccountRow> rows = new ArrayList<>();
        for (Account a : accounts) rows.add(new AccountRow(a.name(), a.role().value(), a.disabled(), String.valueOf(a.createdAt())));
        return templates.render("admin.jte", Map.of("view", new AdminPage(nav, quarter(status), nextQuarter, p, rows, published)));
    }

    // ---- shared

    private static Quarter quarter(Quarters.Status s) {
        if (s == null) return null;
        return new Quarter(s.quarter().name(), s.quarter().baseRelease(), s.records(), s.submissions().size(),
                s.count(ChangeState.PENDING), s.count(ChangeState.APPROVED), s.count(ChangeState.REJECTED));
    }

    static ChangeRow change(ProposedChange c) {
        String where = c.cell() != null ? (c.sheet() == null ? "cell " : c.sheet() + "!") + c.cell()
                : c.row() > 0 ? "row " + c.row() : null;
        return new ChangeRow(c.label(), c.submissionLabel(), c.recordId(), c.kind().name().toLowerCase(Locale.ROOT), c.field(),
                show(c.oldValue()), show(c.newValue()), c.curator(), where, c.state().value(), c.decidedBy(), c.decisionReason());
    }

    private static String show(String v) {
        return v == null || v.isEmpty() ? "—" : v;
    }
}
