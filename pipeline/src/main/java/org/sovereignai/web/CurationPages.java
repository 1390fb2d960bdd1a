package org.sovereignai.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sovereignai.accounts.Account;
import org.sovereignai.accounts.Role;
import org.sovereignai.accounts.Sessions;
import org.sovereignai.accounts.SignInThrottle;
import org.sovereignai.app.ReviewChanges;
import org.sovereignai.curation.QuarterInfo;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.release.ReleaseId;
import org.sovereignai.web.pages.Views.Nav;
import org.sovereignai.web.pages.Workbench;

/**
 * The curation pages' requests (issue 14), which {@link PageRoutes} routes: sign-in and sign-out, the curator's desk
 * ({@code /curate}: the quarter, the template, upload with check-only or submit, my submissions), the reviewer's queue
 * ({@code /review}) and the admin's page ({@code /admin}: open a quarter, the release preview, publish, accounts).
 * Every page needs a session; without one a page sends the browser to the sign-in form (303), and a form post is
 * refused (401). Every form carries the session's CSRF token ({@link Authentication#requireCsrf}); the sign-in form,
 * before any session exists, carries a token that must equal its own cookie's (double submit).
 */
final class CurationPages {
    static final String DOOR = "web";
    static final String SIGN_IN_COOKIE = "sai_signin";

    private final Workflow workflow;
    private final Authentication auth;
    private final Workbench workbench = new Workbench();

    CurationPages(Workflow workflow, Authentication auth) {
        this.workflow = workflow;
        this.auth = auth;
    }

    // ---- signing in and out

    Reply signIn(ApiRequest req) {
        req.query(Set.of());
        if (req.method().equals("POST")) return signInPost(req);
        if (auth.session(req).isPresent()) return Reply.seeOther("/curate", Map.of());
        return signInForm(null, "", 200);
    }

    private Reply signInForm(String message, String name, int status) {
        return signInForm(message, name, status, Map.of());
    }

    /** The sign-in form with a fresh token, which its cookie carries too (double submit). */
    private Reply signInForm(String message, String name, int status, Map<String, String> headers) {
        String token = Sessions.newCsrf();
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Set-Cookie", auth.signInCookie(SIGN_IN_COOKIE, token));
        return PageRoutes.page(status, workbench.signIn(message, name, token), all);
    }

    private Reply signInPost(ApiRequest req) {
        String sent = req.form(Authentication.CSRF_FIELD);
        String cookie = Authentication.cookie(req, SIGN_IN_COOKIE);
        if (sent == null || cookie == null || !Sessions.same(sent, cookie)) {
            return signInForm("This form is out of date or came from another site; sign in again.", "", 403);
        }
        String name = req.form("name") == null ? "" : req.form("name").strip().toLowerCase(Locale.ROOT);
        String password = req.form("password") == null ? "" : req.form("password");
        List<String> keys = List.of(SignInThrottle.accountKey(name), SignInThrottle.addressKey(req.remoteAddress()));
        var throttle = workflow.throttle();
        Duration wait = throttle.wait(keys);
        if (!wait.isZero() && !wait.isNegative()) {
            long seconds = Math.max(1, wait.toSeconds());
            return signInForm("Too many failed sign-ins: wait " + seconds + " s before trying again.", name, 429,
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        Optional<Account> a = workflow.accounts().signIn(name, password.toCharArray());
        if (a.isEmpty()) {
            throttle.failed(keys);
            return signInForm("The name or the password is wrong (or the account is disabled).", name, 401);
        }
        throttle.succeeded(SignInThrottle.accountKey(name));
        Sessions.Session s = workflow.sessions().start(a.get());
        return Reply.seeOther(landing(a.get()), Map.of("Set-Cookie", auth.sessionCookie(s.token())));
    }

    private static String landing(Account a) {
        return a.role() == Role.ADMIN ? "/admin" : a.role() == Role.REVIEWER ? "/review" : "/curate";
    }

    Reply signOut(ApiRequest req) {
        req.query(Set.of());
        Optional<Sessions.Session> s = auth.session(req);
        if (s.isPresent()) {
            Authentication.requireCsrf(req, s.get());
            workflow.sessions().end(Authentication.cookie(req, Authentication.COOKIE));
        }
        return Reply.seeOther("/", Map.of("Set-Cookie", auth.clearedCookie()));
    }

    // ---- the curator

    Reply curate(ApiRequest req) {
        req.query(Set.of());
        return signedIn(req, Role.CURATOR, s -> PageRoutes.page(workbench.curator(nav(s), workflow.curation())));
    }

    /** The open quarter's template as its opening wrote it ({@code curation/templates/QUARTER.xlsx} or {@code .csv}). */
    Reply template(ApiRequest req, String extension) {
        req.query(Set.of());
        return signedIn(req, Role.CURATOR, s -> {
            QuarterInfo open = workflow.curation().quarters().current()
                    .orElseThrow(() -> HttpRefusal.conflict("no quarter is open; there is no template to fill in yet"));
            Path file = workflow.curation().workspace().templates().resolve(open.name() + "." + extension);
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw org.sovereignai.app.Refusal.missing("the template of " + open.name() + " is missing; the admin re-opens the quarter to write it again");
            }
            String type = extension.equals("xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : Reply.CSV;
            return new Reply(200, type, Files.readAllBytes(file), null, null, Caching.NO_STORE,
                    Map.of("Content-Disposition", "attachment; filename=\"" + open.name() + "-template." + extension + "\""));
        });
    }

    Reply upload(ApiRequest req) {
        req.query(Set.of());
        ApiRequest.Upload up = req.upload("file");
        try {
            return signedIn(req, Role.CURATOR, s -> {
                Authentication.requireCsrf(req, s);
                if (up == null) throw org.sovereignai.app.Refusal.usage("choose a sheet to upload (.xlsx, .ods or .csv)");
                String action = req.form("action");
                boolean check = "check".equals(action);
                if (!check && !"submit".equals(action)) throw org.sovereignai.app.Refusal.usage("press 'Check only' or 'Submit'");
                String name = workflow.sheetName(up);
                String note = req.form("note");
                SubmissionResult res = Workflow.run(() -> workflow.submit(null, up.file(), name, s.account().name(),
                        note == null || note.isBlank() ? null : note, DOOR, check));
                if (res.outcome() == SubmissionResult.Outcome.REFUSED) {
                    throw new HttpRefusal(new Problem(413, "Content Too Large", res.message()), Map.of());
                }
                int status = res.outcome() == SubmissionResult.Outcome.REJECTED ? 422 : 200;
                return PageRoutes.page(status, workbench.upload(nav(s), up.file(), name, check, res), Map.of());
            });
        } finally {
            if (up != null) Workflow.discard(up);
        }
    }

    // ---- the reviewer

    Reply review(ApiRequest req) {
        req.query(Set.of());
        return signedIn(req, Role.REVIEWER, s -> PageRoutes.page(workbench.review(nav(s), workflow.curation())));
    }

    /**
     * A decision from the queue: {@code action} approve, reject (with {@code reason}) or keep (approve this change and
     * reject its rivals, each with a reason naming the one kept); {@code ids} the changes ({@code C12}) or
     * submissions ({@code S3}), comma-separated. All or none, as the CLI's review.
     */
    Reply decide(ApiRequest req) {
        req.query(Set.of());
        return signedIn(req, Role.REVIEWER, s -> {
            Authentication.requireCsrf(req, s);
            String action = req.form("action");
            List<String> ids = ids(req.form("ids"));
            String who = s.account().name();
            ReviewChanges review = new ReviewChanges(workflow.curation());
            Workflow.run(() -> {
                switch (action == null ? "" : action) {
                    case "approve" -> review.approve(ids, who);
                    case "reject" -> review.reject(ids, who, req.form("reason"));
                    case "keep" -> {
                        if (ids.size() != 1) throw org.sovereignai.app.Refusal.usage("keep one change at a time");
                        review.keep(ids.get(0), who);
                    }
                    default -> throw org.sovereignai.app.Refusal.usage("the action is approve, reject or keep");
                }
                return null;
            });
            return Reply.seeOther("/review", Map.of());
        });
    }

    private static List<String> ids(String raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) for (String id : raw.split(",")) if (!id.isBlank()) out.add(id.strip());
        if (out.isEmpty() || out.size() > 10_000) throw org.sovereignai.app.Refusal.usage("name the changes to decide");
        return out;
    }

    // ---- the admin

    /**
     * The admin's page; with {@code preview} (the "Preview the release" button) also what publishing would give. The
     * preview makes the whole release in a scratch folder, seconds at a million records, so it is built when asked
     * for, not on every view of the page.
     */
    Reply admin(ApiRequest req) {
        Map<String, String> q = req.query(Set.of("published", "preview"));
        return signedIn(req, Role.ADMIN, s -> {
            var curation = workflow.curation();
            Optional<QuarterInfo> open = curation.quarters().current();
            var preview = open.isPresent() && q.containsKey("preview") ? Workflow.run(() -> workflow.preview(open.get().name())) : null;
            String published = q.get("published");
            if (published != null && ReleaseId.parse(published) == null) published = null;
            return PageRoutes.page(workbench.admin(nav(s), curation, open.isPresent() ? null : nextQuarter(), preview,
                    workflow.accounts().list(), published));
        });
    }

    /** The quarter after the newest release (or the current calendar quarter when there is none). */
    private String nextQuarter() {
        try {
            ReleaseId newest = workflow.home().newestRelease().map(p -> ReleaseId.parse(p.getFileName().toString())).orElse(null);
            LocalDate day = newest != null ? newest.quarterEnd().plusDays(1) : LocalDate.now();
            return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    Reply openQuarter(ApiRequest req) {
        req.query(Set.of());
        return signedIn(req, Role.ADMIN, s -> {
            Authentication.requireCsrf(req, s);
            String quarter = req.form("quarter") == null ? "" : req.form("quarter").strip();
            if (ReleaseId.parse(quarter) == null) throw org.sovereignai.app.Refusal.usage("'" + quarter + "' is not a quarter: write it as YYYY-Qn, e.g. 2026-Q2");
            Workflow.run(() -> new org.sovereignai.app.OpenQuarter(workflow.curation()).run(quarter, s.account().name()));
            return Reply.seeOther("/admin", Map.of());
        });
    }

    Reply release(ApiRequest req) {
        req.query(Set.of());
        return signedIn(req, Role.ADMIN, s -> {
            Authentication.requireCsrf(req, s);
            String quarter = req.form("quarter") == null ? "" : req.form("quarter").strip();
            if (ReleaseId.parse(quarter) == null) throw org.sovereignai.app.Refusal.usage("'" + quarter + "' is not a quarter");
            var r = Workflow.run(() -> workflow.release(quarter, null, s.account().name()));
            String id = r.published() != null ? r.published().release().id().toString() : quarter;
            return Reply.seeOther("/admin?published=" + id, Map.of());
        });
    }

    // ---- helpers

    private interface Page {
        Reply answer(Sessions.Session s) throws Exception;
    }

    /**
     * Answers for a signed-in account whose role allows {@code needed}: a GET without a session goes to the sign-in
     * form; any other request without one is a 401; a role too low is a 403 page.
     */
    private Reply signedIn(ApiRequest req, Role needed, Page page) {
        Optional<Sessions.Session> s = auth.session(req);
        if (s.isEmpty()) {
            if (req.method().equals("GET") || req.method().equals("HEAD")) return Reply.seeOther("/sign-in", Map.of());
            throw new HttpRefusal(new Problem(401, "Unauthorized", "your session has ended; sign in again at /sign-in"), Map.of());
        }
        Authentication.allowed(s.get().account(), needed);
        try {
            return page.answer(s.get());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Nav nav(Sessions.Session s) {
        return Workbench.nav(s.account(), s.csrf());
    }
}
