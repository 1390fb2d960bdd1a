package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Json;
import org.sovereignai.routes.ChildJvm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./sai serve} as a whole process on the bundled release: one JVM answers the API and runs the inbox route.
 * Ready means health UP (polled); the inbox is seen working by a file dropped there and reported.
 */
class ServeProcessTest {
    @TempDir
    Path home;

    @Test
    void oneProcessServesTheApiAndWatchesTheInbox() throws Exception {
        Path bundled = Path.of(System.getProperty("sai.home")).resolve("snapshots/2025-Q4");
        Path release = home.resolve("snapshots/2025-Q4");
        try (Stream<Path> files = Files.walk(bundled)) {
            for (Path p : files.toList()) {
                Path to = release.resolve(bundled.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Files.createDirectories(home.resolve("schemas")); // a project folder, as --home requires
        int port = TestServer.freePort();
        ChildJvm serve = ChildJvm.start(home, "watching", List.of(), "serve", "--port", Integer.toString(port));
        try {
            serve.awaitLine(60);
            assertTrue(serve.output().contains("serving http://127.0.0.1:" + port + "/api/v1/releases"), serve.output());
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int health = 0;
            while (health != 200 && System.nanoTime() < deadline) {
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException e) {
                    // not listening yet
                }
                if (health != 200) Thread.sleep(50); // polling interval of the readiness check
            }
            assertEquals(200, health, serve.output());
            HttpResponse<String> releases = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/releases")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(releases.body().contains("\"latest\":\"2025-Q4\""), releases.body());

            // the family filter counts as the published figures do, for every root family of the bundled release
            JsonNode byFamily = Json.mapper().readTree(release.resolve("stats.json").toFile())
                    .path("models").path("baseInstances").path("projectsByFamily");
            assertTrue(byFamily.size() > 3, byFamily.toString());
            for (var e : byFamily.properties()) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/releases/2025-Q4/projects?limit=1000&family=" + e.getKey())).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(e.getValue().asInt(), Json.mapper().readTree(page.body()).path("projects").size(), e.getKey());
            }

            Path dropped = home.resolve("curation/inbox/alice/note.csv");
            Files.createDirectories(dropped.getParent());
            Files.writeString(dropped, "not,a,curator,sheet\n");
            while (!serve.output().contains("inbox: ") && System.nanoTime() < deadline) Thread.sleep(50); // polls the child's output
            assertTrue(serve.output().contains("note.csv"), serve.output());
        } finally {
            serve.kill();
        }
    }
}
