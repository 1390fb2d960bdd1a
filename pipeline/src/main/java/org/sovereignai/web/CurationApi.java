package org.sovereignai.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.sovereignai.accounts.Account;
import org.sovereignai.accounts.Role;
import org.sovereignai.app.Home;
import org.sovereignai.app.OpenQuarter;
import org.sovereignai.app.ProjectQuery;
import org.sovereignai.app.PublishRelease;
import org.sovereignai.app.QuarterStatus;
import org.sovereignai.app.Refusal;
import org.sovereignai.app.ReviewChanges;
import org.sovereignai.app.SubmitFile;
import org.sovereignai.curation.ChangeState;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.FileNames;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.QuarterInfo;
import org.sovereignai.curation.Review;
import org.sovereignai.curation.Submission;
import org.sovereignai.curation.SubmissionReport;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.io.Json;
import org.sovereignai.release.ReleaseException;
import org.sovereignai.release.ReleaseId;

/**
 * The curation endpoints of {@code /api/v1}: the same use cases as the CLI ({@code app}), each called as the signed-in
 * account ({@link Authentication}), which every write names as its curator, reviewer or actor. A state that forbids
 * the request (no quarter open, a change already decided or in conflict) is a 409; the workflow's own checks (the
 * quarter's row lock, the conditional update of a decision) decide races, so two reviewers on one change get one
 * decision and one 409.
 */
final class CurationApi implements AutoCloseable {
    private static final Set<String> NONE = Set.of();
    static final String DOOR = "api";

    private final Workflow workflow;
    private final Home home;
    private final Authentication auth;

    CurationApi(Workflow workflow, Authentication auth) {
        this.workflow = workflow;
        this.home = workflow.home();
        this.auth = auth;
    }

    private Curation curation() {
        return workflow.curation();
    }

    @Override
    public void close() {
        workflow.close();
    }

    // ---- quarters

    /** How many pending changes {@code quarters/current} lists; the changes list pages through the rest. */
    static final int CURRENT_PENDING = 100;

    /**
     * The open quarter, its counts, and its oldest pending changes: every curator's (with their rivals) for a
     * reviewer, the caller's own for a curator, who sees no one else's proposals.
     */
    Reply current(ApiRequest req) {
        Account a = auth.require(req, Role.CURATOR);
        req.query(NONE);
        return workflow(() -> {
            var status = new QuarterStatus(curation()).run();
            List<Map<String, Object>> pending;
            if (a.role().allows(Role.REVIEWER)) {
                pending = CurationViews.items(new ReviewChanges(curation()).pending(0, CURRENT_PENDING));
            } else { // no conflicts_with: a curator is not shown whom else's proposals their changes meet
                var repo = curation().repository();
                pending = new ArrayList<>();
                for (ProposedChange c : repo.read(x -> repo.changesAfter(x, status.quarter().name(), ChangeState.PENDING, a.name(), 0, CURRENT_PENDING))) {
                    pending.add(CurationViews.change(c, null));
                }
            }
            return ok(CurationViews.status(status, pending));
        });
    }

    Reply openQuarter(ApiRequest req) {
        Account a = auth.require(req, Role.ADMIN);
        req.query(NONE);
        String quarter = text(jsonBody(req), "quarter", true);
        requireQuarter(quarter);
        return workflow(() -> {
            var opened = new OpenQuarter(curation()).run(quarter, a.name());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quarter", opened.quarter().name());
            m.put("base_release", opened.quarter().baseRelease());
            m.put("draft_records", opened.records());
            m.put("already_open", opened.alreadyOpen());
            return new Reply(opened.alreadyOpen() ? 200 : 201, Reply.JSON, CurationViews.json(m), null, null, Caching.NO_STORE,
                    Map.of("Location", Links.BASE + "/quarters/current"));
        });
    }

    Reply release(ApiRequest req) {
        Account a = auth.require(req, Role.ADMIN);
        req.query(NONE);
        String quarter = requireQuarter(req.path("quarter"));
        String date = text(jsonBody(req), "date", false);
        LocalDate day;
        try {
            day = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw Refusal.usage("date '" + date + "' is not a date: write it as YYYY-MM-DD");
        }
        return workflow(() -> {
            PublishRelease.Result r = workflow.release(quarter, day, a.name());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("release", r.published().release().id().toString());
            m.put("version", r.published().version().toString());
            m.put("approved_changes", r.draft().approvedChanges());
            m.put("curators", r.draft().curators());
            String id = r.published().release().id().toString();
            return new Reply(201, Reply.JSON, CurationViews.json(m), null, null, Caching.NO_STORE, Map.of("Location", Links.release(id)));
        });
    }

    Reply preview(ApiRequest req) {
        auth.require(req, Role.ADMIN);
        req.query(NONE);
        String quarter = requireQuarter(req.path("quarter"));
        return workflow(() -> {
            var p = workflow.preview(quarter);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quarter", p.quarter());
            m.put("version", p.version());
            m.put("publishable", p.refusal() == null && p.pending().isEmpty());
            m.put("refusal", p.refusal());
            m.put("pending", p.pending());
            m.put("approved_changes", p.approvedChanges());
            m.put("curators", p.curators());
            m.put("changes_md", p.changes());
            m.put("stats_md", p.stats());
            return ok(m);
        });
    }

    // ---- submissions

    Reply submit(ApiRequest req) {
        Account a = auth.require(req, Role.CURATOR);
        Map<String, String> q = req.query(Set.of("dryRun"));
        String dry = q.getOrDefault("dryRun", "false");
        if (!dry.equals("true") && !dry.equals("false")) throw Refusal.usage("dryRun is true or false, not '" + dry + "'");
        String quarter = requireQuarter(req.path("quarter"));
        ApiRequest.Upload up = req.upload("file");
        if (up == null) throw Refusal.usage("send the sheet as multipart/form-data field 'file' (CSV, XLSX or ODS)");
        try {
            String name = workflow.sheetName(up);
            return workflow(() -> {
                SubmissionResult res = workflow.submit(quarter, up.file(), name, a.name(), req.header("note"), DOOR, dry.equals("true"));
                return submitted(res, name, quarter, a.name(), dry.equals("true"));
            });
        } finally {
            Workflow.discard(up);
        }
    }

    private Reply submitted(SubmissionResult res, String name, String quarter, String curator, boolean dryRun) throws IOException {
        if (res.outcome() == SubmissionResult.Outcome.REFUSED) throw new HttpRefusal(new Problem(413, "Content Too Large", res.message()), Map.of());
        Submission s = res.submission();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("submission", s == null ? null : s.label());
        m.put("dry_run", dryRun);
        m.put("message", res.message());
        String sha = s == null ? null : s.sha256();
        String outcome = res.outcome().name().toLowerCase(Locale.ROOT);
        JsonNode report = Json.mapper().readTree(SubmissionReport.json(name, sha, quarter, curator, outcome, res.report(), res.changes()));
        m.put("report", report);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (ProposedChange c : res.changes()) changes.add(CurationViews.change(c, null));
        m.put("changes", changes);
        int status = switch (res.outcome()) {
            case ACCEPTED -> dryRun ? 200 : 201;
            case REJECTED -> 422;
            default -> 200; // the same content again: the earlier submission
        };
        Map<String, String> headers = s == null ? Map.of() : Map.of("Location", Links.BASE + "/submissions/" + s.label());
        return new Reply(status, Reply.JSON, CurationViews.json(m), null, null, Caching.NO_STORE, headers);
    }

    Reply submissions(ApiRequest req) {
        Account a = auth.require(req, Role.CURATOR);
        String mine = req.query(Set.of("mine")).getOrDefault("mine", "false");
        if (!mine.equals("true") && !mine.equals("false")) throw Refusal.usage("mine is true or false, not '" + mine + "'");
        // a curator sees only their own, whatever they ask
        boolean own = mine.equals("true") || !a.role().allows(Role.REVIEWER);
        return workflow(() -> {
            var repo = curation().repository();
            QuarterInfo open = curation().quarters().requireOpen();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Submission s : repo.read(c -> repo.submissions(c, open.name()))) {
                if (!own || s.curator().equals(a.name())) out.add(CurationViews.submission(s));
            }
            return ok(Map.of("quarter", open.name(), "submissions", out));
        });
    }

    Reply submission(ApiRequest req) {
        Account a = auth.require(req, Role.CURATOR);
        req.query(NONE);
        long id = number(req.path("id"), "S", "submission");
        return workflow(() -> {
            var repo = curation().repository();
            Submission s = repo.read(c -> repo.submission(c, id)).orElse(null);
            // another curator's submission is answered as unknown: its existence is not theirs to learn
            if (s == null || (!a.role().allows(Role.REVIEWER) && !s.curator().equals(a.name()))) {
                throw Refusal.missing("no submission " + req.path("id"));
            }
            Map<String, Object> m = CurationViews.submission(s);
            Path report = home.dir().resolve(s.archivePath()).resolve("report.json");
            m.put("report", Files.isRegularFile(report) ? Json.mapper().readTree(report.toFile()) : null);
            List<Map<String, Object>> changes = new ArrayList<>();
            for (ProposedChange c : repo.read(x -> repo.changesOfSubmission(x, id))) changes.add(CurationViews.change(c, null));
            m.put("changes", changes);
            return ok(m);
        });
    }

    // ---- review

    /** A page of the changes list unless {@code limit} says otherwise; at most {@link #MAX_CHANGES} a page. */
    static final int DEFAULT_CHANGES = 1_000;
    static final int MAX_CHANGES = 10_000;

    /**
     * A quarter's changes in one state, by id, a page at a time: {@code limit} of them after the change {@code next}
     * names (the previous page's {@code next}). Pending changes of the open quarter come with all their rivals.
     */
    Reply changes(ApiRequest req) {
        auth.require(req, Role.REVIEWER);
        Map<String, String> q = req.query(Set.of("state", "limit", "next"));
        String stateName = q.getOrDefault("state", "pending");
        ChangeState state;
        try {
            state = ChangeState.of(stateName);
        } catch (IllegalArgumentException e) {
            throw Refusal.usage("parameter 'state': '" + stateName + "' is not allowed; pending, approved or rejected");
        }
        int limit = ProjectQuery.limit(q.get("limit"), DEFAULT_CHANGES, MAX_CHANGES);
        long after = q.get("next") == null ? 0 : number(q.get("next"), "C", "change");
        String quarter = requireQuarter(req.path("quarter"));
        return workflow(() -> {
            var repo = curation().repository();
            if (repo.read(c -> repo.quarter(c, quarter)).isEmpty()) throw Refusal.missing("no quarter " + quarter);
            QuarterInfo open = curation().quarters().current().orElse(null);
            List<Map<String, Object>> out = new ArrayList<>();
            long last = 0;
            if (state == ChangeState.PENDING && open != null && open.name().equals(quarter)) {
                for (Review.Item i : new ReviewChanges(curation()).pending(after, limit)) {
                    out.add(CurationViews.change(i.change(), i.rivals()));
                    last = i.change().id();
                }
            } else {
                for (ProposedChange c : repo.read(x -> repo.changesAfter(x, quarter, state, null, after, limit))) {
                    out.add(CurationViews.change(c, null));
                    last = c.id();
                }
            }
            String next = out.size() == limit ? ProposedChange.label(last) : null;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("quarter", quarter);
            m.put("state", state.value());
            m.put("count", out.size());
            m.put("changes", out);
            m.put("next", next);
            m.put("links", next == null ? Map.of() : Map.of("next", "/api/v1/quarters/" + quarter + "/changes?state="
                    + state.value() + "&limit=" + limit + "&next=" + next));
            return ok(m);
        });
    }

    Reply approve(ApiRequest req) {
        Account a = auth.require(req, Role.REVIEWER);
        req.query(NONE);
        String label = ProposedChange.label(number(req.path("id"), "C", "change"));
        return decided(() -> new ReviewChanges(curation()).approve(List.of(label), a.name()));
    }

    Reply reject(ApiRequest req) {
        Account a = auth.require(req, Role.REVIEWER);
        req.query(NONE);
        String label = ProposedChange.label(number(req.path("id"), "C", "change"));
        String reason = text(jsonBody(req), "reason", true);
        return decided(() -> new ReviewChanges(curation()).reject(List.of(label), a.name(), reason));
    }

    /** Keeps one of rival changes: it approved, each rival rejected with a reason naming it, in one transaction. */
    Reply keep(ApiRequest req) {
        Account a = auth.require(req, Role.REVIEWER);
        req.query(NONE);
        String label = ProposedChange.label(number(req.path("id"), "C", "change"));
        return workflow(() -> {
            List<ProposedChange> done = new ReviewChanges(curation()).keep(label, a.name());
            Map<String, Object> m = new LinkedHashMap<>(CurationViews.change(done.get(0), null));
            m.put("rejected_rivals", done.subList(1, done.size()).stream().map(ProposedChange::label).toList());
            return ok(m);
        });
    }

    private Reply decided(Workflow.Work<List<ProposedChange>> decision) {
        return workflow(() -> {
            ProposedChange c = decision.run().get(0);
            return ok(CurationViews.change(c, null));
        });
    }

    // ---- helpers

    private static <T> T workflow(Workflow.Work<T> work) {
        return Workflow.run(work);
    }

    private static Reply ok(Object value) {
        return new Reply(200, Reply.JSON, CurationViews.json(value), null, null, Caching.NO_STORE, Map.of());
    }

    private static String requireQuarter(String q) {
        if (q == null || ReleaseId.parse(q) == null) throw Refusal.usage("'" + q + "' is not a quarter: write it as YYYY-Qn, e.g. 2026-Q2");
        return q;
    }

    /** {@code C12} or {@code 12} (a change), {@code S3} or {@code 3} (a submission). */
    private static long number(String raw, String prefix, String what) {
        String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith(prefix)) s = s.substring(1);
        try {
            long n = Long.parseLong(s);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Refusal.usage("'" + raw + "' is not a " + what + " id (like " + prefix + "12)");
    }

    private static JsonNode jsonBody(ApiRequest req) {
        String body = req.body();
        if (body.isBlank()) return Json.mapper().createObjectNode();
        try {
            JsonNode n = Json.mapper().readTree(body);
            if (n == null || !n.isObject()) throw Refusal.usage("the body is a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw Refusal.usage("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) throw Refusal.usage("'" + field + "' is required in the JSON body");
            return null;
        }
        if (!v.isTextual()) throw Refusal.usage("'" + field + "' is a string");
        return v.asText().strip();
    }
}
