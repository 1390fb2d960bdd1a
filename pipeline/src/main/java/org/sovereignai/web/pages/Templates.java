package org.sovereignai.web.pages;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The pages' templates ({@code src/main/jte}), compiled to Java classes at build time by jte-maven-plugin, so the
 * server needs no compiler and starts no faster or slower for having pages. jte's {@link ContentType#Html} escapes
 * every {@code ${value}} for the context it lands in (text, attribute, URL), which is why pages never build markup
 * from strings.
 */
public final class Templates {
    /** The package the build generates the template classes into (jte-maven-plugin's packageName in the pom). */
    static final String PACKAGE = "org.sovereignai.web.pages.jte";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, PACKAGE);

    /** The template's page, as a string: pages are small, and a string gives the caller its length and ETag. */
    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }
}
