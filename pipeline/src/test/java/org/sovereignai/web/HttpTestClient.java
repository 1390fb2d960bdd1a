package org.sovereignai.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The client's side of a test over a real server, in this JVM or in a {@code ./sai serve} child: waiting until it
 * answers, and a file upload as a browser's form sends it.
 */
public final class HttpTestClient {
    private static final String BOUNDARY = "----sai-test-boundary-7MA4YWxkTrZu0gW";

    private HttpTestClient() {
    }

    /** Polls {@code base/observe/health} until it answers 200 (never a blind sleep). */
    public static void awaitHealthy(HttpClient client, String base, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/observe/health")).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException(base + " did not become healthy within " + within.toSeconds() + " s");
            Thread.sleep(25); // polling interval of the readiness check
        }
    }

    /** {@code b} as a multipart/form-data POST: an optional {@code note} part, then the {@code file} part. */
    public static HttpRequest.Builder upload(HttpRequest.Builder b, String fileName, byte[] content, String note) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (note != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
