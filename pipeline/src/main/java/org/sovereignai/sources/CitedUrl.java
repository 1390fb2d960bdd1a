package org.sovereignai.sources;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/** A URL as a record cites it in {@code sources}: the unit of sources.csv. */
public record CitedUrl(String id, String url) {

    /** Every (id, url) of the projects, in record order, each record's URLs in the order written, duplicates once. */
    public static List<CitedUrl> of(Iterable<Project> projects) {
        Set<CitedUrl> out = new LinkedHashSet<>();
        for (Project p : projects) {
            if (p.id() == null) continue;
            for (String url : p.list(Schema.SOURCES)) out.add(new CitedUrl(p.id(), url));
        }
        return new ArrayList<>(out);
    }
}
