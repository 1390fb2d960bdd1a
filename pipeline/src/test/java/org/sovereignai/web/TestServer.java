package org.sovereignai.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.sovereignai.app.Home;
import org.sovereignai.app.HttpSettings;
import org.sovereignai.routes.CamelRuntime;

/**
 * The HTTP door as {@code ./sai serve} runs it (the same {@link HttpServer} properties and routes in the program's
 * {@link CamelRuntime}), on a free loopback port, over the project in {@code home}; ready once {@code /observe/health}
 * says UP (polled, never a blind sleep). A JDK HttpClient talks to it.
 */
final class TestServer implements AutoCloseable {
    private final CamelRuntime runtime;
    final String base;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(Path home) throws Exception {
        int port = freePort();
        HttpServer http = new HttpServer(new HttpSettings("127.0.0.1", port, null, Duration.ofMinutes(30)));
        Home h = Home.of(home);
        runtime = CamelRuntime.of(h.workspace(), http.camelProperties(), http.routes(h)).start();
        base = "http://127.0.0.1:" + port;
        HttpTestClient.awaitHealthy(client, base, Duration.ofSeconds(20));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        b.method(method, method.equals("POST") || method.equals("PUT") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        runtime.close();
    }
}
