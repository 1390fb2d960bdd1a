package org.sovereignai.sources;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sovereignai.io.Hashes;

/**
 * A fingerprint of a page's main text that ignores what changes without the content changing: scripts, styles,
 * navigation, headers, footers, asides, ads and cookie banners are dropped; the text is lower-cased, date-like and
 * time-like tokens ("2025-09-02", "2 September 2025", "Sep 2, 2025", "Tuesday", "14:05", "3 days ago") are removed,
 * and punctuation and whitespace are collapsed to single spaces before hashing (SHA-256, hex).
 */
public final class Fingerprint {
    private static final String BOILERPLATE = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form,"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
            + " [class~=(?i)(^|[\\s_-])(ad|ads|advert|advertisement|sponsored|promo|banner|cookie|cookies)([\\s_-]|$)],"
            + " [id~=(?i)(^|[\\s_-])(ad|ads|advert|advertisement|sponsored|promo|banner|cookie|cookies)([\\s_-]|$)]";

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern DATES = Pattern.compile(String.join("|",
            "\\b\\d{4}-\\d{1,2}-\\d{1,2}(?:t\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?\\b",
            // 02/09/2025, 2.9.2025, 2025/09/02: a four-digit year, so version numbers such as 3.1.2 stay
            "\\b\\d{1,2}([/.])\\d{1,2}\\1(?:19|20)\\d{2}\\b",
            "\\b(?:19|20)\\d{2}([/.])\\d{1,2}\\2\\d{1,2}\\b",
            "\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?\\s+" + MONTH + ",?\\s+\\d{4}\\b",
            "\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b",
            "\\b" + MONTH + "\\s+\\d{4}\\b",
            "\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*(?:utc|gmt|[a-z]{1,4}t))?\\b",
            "\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
            "\\b\\d+\\s+(?:second|minute|hour|day|week|month|year)s?\\s+ago\\b",
            "\\b(?:today|yesterday)\\b"));
    /** Punctuation and spacing: a comma left behind by a removed date must not count as a change. */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Fingerprint() {
    }

    /** The fingerprint of a parsed HTML page. */
    public static String of(Document doc) {
        return Hashes.sha256(normalise(mainText(doc)).getBytes(StandardCharsets.UTF_8));
    }

    /** The page's main text: {@code <main>}, else the single {@code <article>}, else the body, without boilerplate. */
    static String mainText(Document doc) {
        Document copy = doc.clone();
        copy.select(BOILERPLATE).remove();
        Element main = copy.selectFirst("main, [role=main]");
        if (main == null && copy.select("article").size() == 1) main = copy.selectFirst("article");
        if (main == null) main = copy.body();
        return main == null ? "" : main.text();
    }

    /** Lower-cased words with date-like tokens removed, separated by single spaces. */
    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        String noDates = DATES.matcher(lower).replaceAll(" ");
        return NOT_WORD.matcher(noDates).replaceAll(" ").strip();
    }
}
