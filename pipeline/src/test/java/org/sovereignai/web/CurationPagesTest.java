package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.accounts.Accounts;
import org.sovereignai.accounts.Role;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;

/**
 * The curation pages over a real server and a real H2 database, with the JDK's HTTP client as the browser: sessions
 * (cookie attributes, sign-out, a session valid on a second server over the same database), the sign-in throttle,
 * CSRF refusals, role boundaries, and markup in a cell shown as text on every page.
 */
class CurationPagesTest {
    static final String PASSWORD = "a long enough password";
    static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    Path home;
    TestServer server;
    CurationFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new CurationFixture(home);
        try (Curation c = fx.openQuarter()) {
            Accounts accounts = new Accounts(c.dataSource());
            for (var a : Map.of("ada", Role.ADMIN, "rita", Role.REVIEWER, "alice", Role.CURATOR, "bob", Role.CURATOR).entrySet()) {
                accounts.add(a.getKey(), a.getValue(), PASSWORD.toCharArray(), "test");
            }
        }
        server = new TestServer(home);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    /** A signed-in browser: its session cookie and the CSRF token its pages carry. */
    record Browser(String cookie, String csrf) {
    }

    Browser signIn(TestServer on, String name) throws Exception {
        HttpResponse<String> form = on.get("/sign-in");
        assertEquals(200, form.statusCode());
        String preCookie = cookiePair(form);
        String token = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> r = postForm(on, "/sign-in", preCookie, Map.of("name", name, "password", PASSWORD, "csrf", token));
        assertEquals(303, r.statusCode(), r.body());
        String cookie = cookiePair(r);
        HttpResponse<String> desk = get(on, "/curate", cookie);
        assertEquals(200, desk.statusCode(), desk.body());
        return new Browser(cookie, Jsoup.parse(desk.body()).selectFirst("input[name=csrf]").attr("value"));
    }

    static String cookiePair(HttpResponse<?> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie: " + r.headers()));
        return set.substring(0, set.indexOf(';'));
    }

    static HttpResponse<String> get(TestServer on, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(on.base + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) b.header("Cookie", cookie);
        return on.client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(TestServer on, String path, String cookie, Map<String, String> fields) throws Exception {
        List<String> pairs = new ArrayList<>();
        for (var f : fields.entrySet()) {
            pairs.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(on.base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) b.header("Cookie", cookie);
        return on.client.send(b.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The upload form as a browser sends it: csrf (unless null), action, and the file. */
    static HttpResponse<String> upload(TestServer on, String cookie, String csrf, String action, String fileName, String csv) throws Exception {
        String boundary = "----sai-pages-test-4f7a";
        Map<String, String> fields = new LinkedHashMap<>();
        if (csrf != null) fields.put("csrf", csrf);
        fields.put("action", action);
        StringBuilder body = new StringBuilder();
        for (var f : fields.entrySet()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f.getKey()).append("\"\r\n\r\n")
                    .append(f.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n").append(csv).append("\r\n--").append(boundary).append("--\r\n");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(on.base + "/curate/upload")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (cookie != null) b.header("Cookie", cookie);
        return on.client.send(b.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signingInGivesAnHttpOnlyStrictCookieAndSigningOutEndsTheSession() throws Exception {
        HttpResponse<String> form = server.get("/sign-in");
        String token = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> r = postForm(server, "/sign-in", cookiePair(form), Map.of("name", "alice", "password", PASSWORD, "csrf", token));
        assertEquals(303, r.statusCode());
        assertEquals("/curate", r.headers().firstValue("Location").orElse(""));
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(set.startsWith(Authentication.COOKIE + "=saisess_"), set);
        String lower = set.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("; httponly") && lower.contains("; samesite=strict") && lower.contains("; path=/"), set);
        assertFalse(lower.contains("; secure"), "plain http on loopback: " + set);
        String cookie = cookiePair(r);
        Document desk = Jsoup.parse(get(server, "/curate", cookie).body());
        assertEquals("alice (curator)", desk.selectFirst(".account").text());

        String csrf = desk.selectFirst("input[name=csrf]").attr("value");
        HttpResponse<String> out = postForm(server, "/sign-out", cookie, Map.of("csrf", csrf));
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        HttpResponse<String> after = get(server, "/curate", cookie);
        assertEquals(303, after.statusCode(), "the old cookie signs nobody in");
        assertEquals("/sign-in", after.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreSlowedDown() throws Exception {
        HttpResponse<String> form = server.get("/sign-in");
        String pre = cookiePair(form);
        String token = Jsoup.parse(form.body()).selectFirst("input[name=csrf]").attr("value");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = postForm(server, "/sign-in", pre, Map.of("name", "alice", "password", "wrong password " + i, "csrf", token));
            assertEquals(401, r.statusCode());
            assertTrue(Jsoup.parse(r.body()).selectFirst("#sign-in-message").text().contains("wrong"));
            assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(Authentication.COOKIE + "=")));
        }
        // the sixth try, even with the right password, must wait
        HttpResponse<String> slowed = postForm(server, "/sign-in", pre, Map.of("name", "alice", "password", PASSWORD, "csrf", token));
        assertEquals(429, slowed.statusCode(), slowed.body());
        assertTrue(Integer.parseInt(slowed.headers().firstValue("Retry-After").orElse("0")) >= 1);
        assertTrue(slowed.body().contains("Too many failed sign-ins"));
        // an unknown name gets the same answer as a wrong password
        HttpResponse<String> unknown = postForm(server, "/sign-in", pre, Map.of("name", "mallory", "password", PASSWORD, "csrf", token));
        assertEquals(429, unknown.statusCode(), "the address is slowed down too");
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
        // the sign-in form's token must match its own cookie
        HttpResponse<String> form = server.get("/sign-in");
        HttpResponse<String> forged = postForm(server, "/sign-in", null, Map.of("name", "alice", "password", PASSWORD, "csrf", "guess"));
        assertEquals(403, forged.statusCode());
        Browser alice = signIn(server, "alice");
        HttpResponse<String> noToken = upload(server, alice.cookie(), null, "submit", "a.csv", "id,funding_usd\napertus,1\n");
        assertEquals(403, noToken.statusCode(), noToken.body());
        assertTrue(noToken.body().contains("CSRF"));
        HttpResponse<String> wrong = upload(server, alice.cookie(), alice.csrf() + "x", "submit", "a.csv", "id,funding_usd\napertus,1\n");
        assertEquals(403, wrong.statusCode());
        // the API, called with the cookie instead of a token, wants the header
        HttpRequest.Builder api = HttpRequest.newBuilder(URI.create(server.base + "/api/v1/quarters"))
                .header("Cookie", alice.cookie()).header("Content-Type", "application/json");
        assertEquals(403, server.client.send(api.POST(HttpRequest.BodyPublishers.ofString("{\"quarter\":\"2026-Q2\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> withHeader = server.client.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/quarters/current"))
                .header("Cookie", alice.cookie()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withHeader.statusCode(), "reads need no token: " + withHeader.body());
        try (Curation c = fx.open()) {
            assertEquals(0, CurationFixture.submissions(c).size(), "nothing was submitted");
        }
    }

    @Test
    void eachPageAndFormChecksTheRole() throws Exception {
        assertEquals("/sign-in", get(server, "/review", null).headers().firstValue("Location").orElse(""));
        assertEquals(401, postForm(server, "/review/decide", null, Map.of("action", "approve", "ids", "C1")).statusCode());
        Browser alice = signIn(server, "alice");
        assertEquals(403, get(server, "/review", alice.cookie()).statusCode());
        assertEquals(403, get(server, "/admin", alice.cookie()).statusCode());
        assertEquals(403, postForm(server, "/review/decide", alice.cookie(), Map.of("csrf", alice.csrf(), "action", "approve", "ids", "C1")).statusCode());
        assertEquals(403, postForm(server, "/admin/release", alice.cookie(), Map.of("csrf", alice.csrf(), "quarter", CurationFixture.QUARTER)).statusCode());
        Browser rita = signIn(server, "rita");
        assertEquals(200, get(server, "/review", rita.cookie()).statusCode());
        assertEquals(403, get(server, "/admin", rita.cookie()).statusCode());
        assertEquals(403, postForm(server, "/admin/quarters", rita.cookie(), Map.of("csrf", rita.csrf(), "quarter", "2026-Q2")).statusCode());
        assertEquals(200, get(server, "/admin", signIn(server, "ada").cookie()).statusCode());
    }

    @Test
    void everyFormRefusesAMissingSessionWith401AndALowerRoleWith403() throws Exception {
        Map<String, Role> forms = Map.of("/curate/upload", Role.CURATOR, "/review/decide", Role.REVIEWER,
                "/admin/quarters", Role.ADMIN, "/admin/release", Role.ADMIN);
        Browser alice = signIn(server, "alice");
        Browser rita = signIn(server, "rita");
        for (var f : forms.entrySet()) {
            Map<String, String> fields = Map.of("action", "approve", "ids", "C1", "quarter", "2026-Q2");
            assertEquals(401, postForm(server, f.getKey(), null, fields).statusCode(), f.getKey());
            assertEquals(401, postForm(server, f.getKey(), "sai_session=saisess_forged", fields).statusCode(), f.getKey());
            List<Browser> lower = switch (f.getValue()) {
                case CURATOR -> List.of();
                case REVIEWER -> List.of(alice);
                case ADMIN -> List.of(alice, rita);
            };
            for (Browser b : lower) {
                Map<String, String> signed = new LinkedHashMap<>(fields);
                signed.put("csrf", b.csrf());
                HttpResponse<String> r = postForm(server, f.getKey(), b.cookie(), signed);
                assertEquals(403, r.statusCode(), f.getKey() + ": " + r.body());
                assertTrue(r.body().contains("needs the " + f.getValue().value() + " role"), r.body());
            }
        }
        try (Curation c = fx.open()) {
            assertEquals(0, CurationFixture.submissions(c).size());
            assertEquals(CurationFixture.QUARTER, c.quarters().current().orElseThrow().name(), "no quarter opened or released");
        }
    }

    @Test
    void markupInACellIsTextOnEveryPage() throws Exception {
        Browser alice = signIn(server, "alice");
        String sheet = "id,notes\napertus,\"" + HOSTILE.replace("\"", "\"\"") + "\"\n";
        HttpResponse<String> checked = upload(server, alice.cookie(), alice.csrf(), "check", HOSTILE + ".csv", sheet);
        HttpResponse<String> submitted = upload(server, alice.cookie(), alice.csrf(), "submit", "notes.csv", sheet);
        assertEquals(200, submitted.statusCode(), submitted.body());
        Browser rita = signIn(server, "rita");
        Browser ada = signIn(server, "ada");
        for (String page : List.of(checked.body(), submitted.body(), get(server, "/curate", alice.cookie()).body(),
                get(server, "/review", rita.cookie()).body(), get(server, "/admin", ada.cookie()).body(),
                get(server, "/admin?preview=1", ada.cookie()).body())) {
            assertFalse(page.contains("<script>"), page);
            Document d = Jsoup.parse(page);
            assertTrue(d.select("script").isEmpty());
        }
        assertTrue(Jsoup.parse(get(server, "/review", rita.cookie()).body()).text().contains(HOSTILE), "shown as text");
        assertTrue(Jsoup.parse(checked.body()).text().contains(HOSTILE));
    }

    @Test
    void aReviewerDecidesAWholeSubmissionAndTheCuratorReadsTheReason() throws Exception {
        Browser alice = signIn(server, "alice");
        HttpResponse<String> s = upload(server, alice.cookie(), alice.csrf(), "submit", "two.csv",
                "id,funding_usd,notes\napertus,20000000,from the annual report\n");
        assertEquals(200, s.statusCode(), s.body());
        Browser rita = signIn(server, "rita");
        Document queue = Jsoup.parse(get(server, "/review", rita.cookie()).body());
        assertEquals("Approve all 2", queue.selectFirst("#approve-S1").text());
        HttpResponse<String> rejected = postForm(server, "/review/decide", rita.cookie(),
                Map.of("csrf", rita.csrf(), "action", "reject", "ids", "S1", "reason", "the annual report says 18 million"));
        assertEquals(303, rejected.statusCode(), rejected.body());
        assertNotNull(Jsoup.parse(get(server, "/review", rita.cookie()).body()).selectFirst("#queue-empty"));
        String mine = Jsoup.parse(get(server, "/curate", alice.cookie()).body()).selectFirst("#submission-S1").text();
        assertTrue(mine.contains("rejected by rita") && mine.contains("the annual report says 18 million"), mine);
        HttpResponse<String> noReason = postForm(server, "/review/decide", rita.cookie(),
                Map.of("csrf", rita.csrf(), "action", "reject", "ids", "S1", "reason", ""));
        assertEquals(409, noReason.statusCode(), "already decided, and a reason is required: " + noReason.body());
    }

    @Test
    void aLongQueueShowsTheRecordsWithTheOldestChangesAndSaysHowManyWait() throws Exception {
        Browser alice = signIn(server, "alice");
        StringBuilder sheet = new StringBuilder("id,name,layer,jurisdiction,lead_org,announced,sources\n");
        for (int i = 1; i <= 201; i++) sheet.append("dc-").append(i).append(",DC ").append(i).append(",compute,FR,GENCI,2026-01,https://www.genci.fr/\n");
        assertEquals(200, upload(server, alice.cookie(), alice.csrf(), "submit", "many.csv", sheet.toString()).statusCode());
        Browser rita = signIn(server, "rita");
        Document queue = Jsoup.parse(get(server, "/review", rita.cookie()).body());
        assertEquals(200, queue.select("section.record").size());
        assertNotNull(queue.selectFirst("#record-dc-200"));
        assertNull(queue.selectFirst("#record-dc-201"), "the newest record waits for the next page");
        assertTrue(queue.selectFirst("#queue-more").text().contains("of 201 waiting"), queue.selectFirst("#queue-more").text());
        assertEquals("Approve all 201", queue.selectFirst("#approve-S1").text(), "the submission's count is all of it");
        HttpResponse<String> decided = postForm(server, "/review/decide", rita.cookie(), Map.of("csrf", rita.csrf(), "action", "approve", "ids", "C1"));
        assertEquals(303, decided.statusCode(), decided.body());
        assertNotNull(Jsoup.parse(get(server, "/review", rita.cookie()).body()).selectFirst("#record-dc-201"), "the next one comes up");
    }

    @Test
    void aMisspeltValueIsMarkedInTheGridWithWhatWasMeant() throws Exception {
        Browser alice = signIn(server, "alice");
        HttpResponse<String> r = upload(server, alice.cookie(), alice.csrf(), "check", "status.csv", "id,status\napertus,relesed\n");
        assertEquals(422, r.statusCode());
        Document page = Jsoup.parse(r.body());
        assertEquals("error", page.selectFirst("#cell-B2").className());
        assertTrue(page.selectFirst("tr.flagged td.found").text().contains("Did you mean 'released'?"), page.text());
    }

    @Test
    void aLargeSheetShowsItsFirstRowsAndEveryFlaggedRowAndCountsTheRest() throws Exception {
        Browser alice = signIn(server, "alice");
        StringBuilder sheet = new StringBuilder("id,name,layer,jurisdiction,lead_org,announced,sources\n");
        for (int i = 1; i <= 400; i++) {
            sheet.append("dc-").append(i).append(",DC ").append(i).append(",compute,FR,GENCI,")
                    .append(i == 390 ? "2026-13" : "2026-01").append(",https://www.genci.fr/\n");
        }
        HttpResponse<String> r = upload(server, alice.cookie(), alice.csrf(), "check", "many.csv", sheet.toString());
        assertEquals(422, r.statusCode());
        Document page = Jsoup.parse(r.body());
        assertEquals(51, page.select("#grid tbody tr").size(), "the first 50 rows and the flagged one");
        assertEquals("error", page.selectFirst("#cell-F391").className(), "row 390 of the records is line 391");
        assertEquals("349 more row(s) without findings are not shown.", page.selectFirst("#rows-not-shown").text());
    }

    @Test
    void aSessionWorksOnEveryServerOverTheSameDatabase() throws Exception {
        Browser alice = signIn(server, "alice");
        try (TestServer second = new TestServer(home)) {
            HttpResponse<String> there = get(second, "/curate", alice.cookie());
            assertEquals(200, there.statusCode(), there.body());
            assertNotNull(Jsoup.parse(there.body()).selectFirst("#upload"));
            assertEquals(303, postForm(second, "/sign-out", alice.cookie(), Map.of("csrf", alice.csrf())).statusCode());
        }
        assertEquals(303, get(server, "/curate", alice.cookie()).statusCode(), "signed out there is signed out here");
    }
}
