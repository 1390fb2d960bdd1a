package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import gg.jte.Content;
import org.junit.jupiter.api.Test;
import org.sovereignai.web.pages.Templates;

/** The browser itself works here, and a template's values reach it as text, never as markup. */
class BrowserTest {
    @Test
    void aTitleWithMarkupIsShownAsTextInARealBrowser() throws Exception {
        String hostile = "<script>document.title='owned'</script><b>bold</b>";
        Content body = out -> out.writeUserContent(hostile);
        String html = new Templates().render("layout/page.jte",
                Map.of("title", hostile, "jsonTwin", "/api/v1/x\"onload=\"alert(1)", "body", body));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        try (Browser browser = Browser.open()) {
            browser.go("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertEquals(hostile, browser.find("h1").getText());
            assertTrue(browser.all("main b").isEmpty(), "no element made from a value");
            assertTrue(browser.driver().getTitle().startsWith("<script>"), browser.driver().getTitle());
            assertEquals("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/x%22onload=%22alert(1)",
                    browser.find("a.twin").getAttribute("href"));
        } finally {
            server.stop(0);
        }
    }
}
