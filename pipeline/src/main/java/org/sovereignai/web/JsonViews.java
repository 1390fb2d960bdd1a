package org.sovereignai.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.sovereignai.app.BrowseReleases;
import org.sovereignai.app.BrowseReleases.Appearance;
import org.sovereignai.app.BrowseReleases.ProjectDetail;
import org.sovereignai.app.BrowseReleases.ProjectHistory;
import org.sovereignai.app.BrowseReleases.ProjectPage;
import org.sovereignai.app.BrowseReleases.ReleaseDetail;
import org.sovereignai.app.BrowseReleases.ReleaseSummary;
import org.sovereignai.io.Json;
import org.sovereignai.release.Manifest;
import org.sovereignai.sources.SourceRow;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The JSON renderings of the read use case's values. Records are written as the release published them (the bytes of
 * their projects.json line), so the API and the files cannot disagree; keys are in a fixed order, so the same answer
 * is the same bytes (and the same ETag).
 */
final class JsonViews {
    private JsonViews() {
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] render(Body body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buf)) {
            body.write(g);
        }
        return buf.toByteArray();
    }

    static byte[] releases(List<ReleaseSummary> releases, String latest) throws IOException {
        return render(g -> {
            g.writeStartObject();
            g.writeStringField("latest", latest);
            g.writeArrayFieldStart("releases");
            for (ReleaseSummary r : releases) summary(g, r);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static byte[] release(ReleaseDetail d) throws IOException {
        return render(g -> {
            g.writeStartObject();
            fields(g, d.summary());
            g.writeStringField("schemaVersion", d.schemaVersion());
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, Manifest.FileEntry> f : d.files().entrySet()) {
                g.writeObjectFieldStart(f.getKey());
                g.writeStringField("sha256", f.getValue().sha256());
                g.writeNumberField("bytes", f.getValue().bytes());
                g.writeStringField("href", Links.file(d.summary().id(), f.getKey()));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("links");
            g.writeStringField("self", Links.release(d.summary().id()));
            g.writeStringField("projects", Links.projects(d.summary().id()));
            g.writeStringField("stats", Links.stats(d.summary().id()));
            g.writeStringField("manifest", Links.file(d.summary().id(), org.sovereignai.release.ReleaseFiles.MANIFEST_JSON));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static byte[] projects(ProjectPage page) throws IOException {
        return render(g -> {
            g.writeStartObject();
            g.writeStringField("release", page.release());
            g.writeObjectFieldStart("query");
            for (Map.Entry<String, String> e : page.query().canonical().entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeNumberField("count", page.records().size());
            g.writeArrayFieldStart("projects");
            for (BrowseReleases.PublishedRecord r : page.records()) g.writeRawValue(r.json());
            g.writeEndArray();
            g.writeStringField("next", page.next());
            g.writeObjectFieldStart("links");
            g.writeStringField("release", Links.release(page.release()));
            if (page.next() != null) g.writeStringField("next", Links.nextPage(page.release(), page.query(), page.next()));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static byte[] project(ProjectDetail d) throws IOException {
        return render(g -> {
            g.writeStartObject();
            g.writeStringField("release", d.release());
            g.writeFieldName("project");
            g.writeRawValue(d.record().json());
            g.writeArrayFieldStart("sources");
            for (SourceRow s : d.sources()) {
                g.writeStartObject();
                g.writeStringField("url", s.url());
                if (s.status() != null) g.writeNumberField("status", s.status());
                else g.writeNullField("status");
                g.writeStringField("final_url", s.finalUrl());
                g.writeStringField("title", s.title());
                g.writeStringField("published", s.published());
                g.writeStringField("checked_at", s.checkedAt());
                g.writeStringField("fingerprint", s.fingerprint());
                g.writeStringField("state", s.state() == null ? null : s.state().value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("links");
            g.writeStringField("self", Links.project(d.release(), d.record().id()));
            g.writeStringField("history", Links.history(d.record().id()));
            g.writeStringField("release", Links.release(d.release()));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static byte[] history(ProjectHistory h) throws IOException {
        return render(g -> {
            g.writeStartObject();
            g.writeStringField("id", h.id());
            g.writeArrayFieldStart("releases");
            for (Appearance a : h.releases()) {
                g.writeStartObject();
                fields(g, a.release());
                g.writeFieldName("project");
                if (a.record() == null) g.writeNull();
                else g.writeRawValue(a.record().json());
                g.writeFieldName("change");
                if (a.change() == null) g.writeNull();
                else g.writeTree(a.change());
                g.writeObjectFieldStart("links");
                g.writeStringField("release", Links.release(a.release().id()));
                if (a.record() != null) g.writeStringField("project", Links.project(a.release().id(), h.id()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void summary(JsonGenerator g, ReleaseSummary r) throws IOException {
        g.writeStartObject();
        fields(g, r);
        g.writeObjectFieldStart("links");
        g.writeStringField("self", Links.release(r.id()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, ReleaseSummary r) throws IOException {
        g.writeStringField("id", r.id());
        g.writeStringField("version", r.version());
        g.writeStringField("date", r.date());
        g.writeStringField("previous", r.previous());
        g.writeObjectFieldStart("counts");
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(r.counts()).entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeObjectFieldStart("changes");
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(r.changes()).entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
    }
}
