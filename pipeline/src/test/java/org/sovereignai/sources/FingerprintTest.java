package org.sovereignai.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    static String fp(String html) {
        return Fingerprint.of(Jsoup.parse(html));
    }

    @Test
    void dateStampsInAnyCommonFormAreIgnored() {
        assertEquals("released on", Fingerprint.normalise("Released on 2025-09-02T10:00:00Z"));
        assertEquals("released on", Fingerprint.normalise("Released on 2 September 2025"));
        assertEquals("released on at", Fingerprint.normalise("Released on Sep 2, 2025 at 10:15 am"));
        assertEquals("released on", Fingerprint.normalise("Released on Tuesday, 02/09/2025"));
        assertEquals("released on", Fingerprint.normalise("Released on 3 days ago"));
        assertEquals("updated", Fingerprint.normalise("Updated: September 2025"));
    }

    @Test
    void versionNumbersAreTextNotDates() {
        assertNotEquals(Fingerprint.normalise("llama 3.1.2"), Fingerprint.normalise("llama 3.1.3"));
    }

    @Test
    void scriptsAdsNavigationAndFootersDoNotCount() {
        String a = "<html><body><nav>Menu A</nav><script>x=1</script><div class=\"ad-slot\">Ad one</div>"
                + "<main><p>The text.</p></main><footer>Footer A</footer></body></html>";
        String b = "<html><body><nav>Menu B</nav><script>x=2</script><div class=\"ad-slot\">Ad two</div>"
                + "<main><p>The text.</p></main><footer>Footer B</footer></body></html>";
        assertEquals(fp(a), fp(b));
        assertNotEquals(fp(a), fp(a.replace("The text.", "Other text.")));
    }

    @Test
    void withoutMainTheBodyCounts() {
        assertNotEquals(fp("<body><p>one</p></body>"), fp("<body><p>two</p></body>"));
        assertEquals(fp("<body><p>one</p><aside>x</aside></body>"), fp("<body><p>one</p><aside>y</aside></body>"));
    }
}
