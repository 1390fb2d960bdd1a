package org.sovereignai.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.sovereignai.app.ProjectQuery;

/** The API's URLs, spelled once: what the answers link to is what the routes serve ({@link ApiRoutes}). */
final class Links {
    static final String BASE = "/api/v1";

    private Links() {
    }

    static String release(String id) {
        return BASE + "/releases/" + id;
    }

    static String projects(String id) {
        return release(id) + "/projects";
    }

    static String project(String id, String projectId) {
        return projects(id) + "/" + projectId;
    }

    static String stats(String id) {
        return release(id) + "/stats";
    }

    static String file(String id, String path) {
        return release(id) + "/files/" + path;
    }

    static String history(String projectId) {
        return BASE + "/projects/" + projectId + "/history";
    }

    /** The following page: the same query with the cursor moved. */
    static String nextPage(String id, ProjectQuery query, String next) {
        StringBuilder sb = new StringBuilder(projects(id));
        char sep = '?';
        for (Map.Entry<String, String> e : query.canonical().entrySet()) {
            if (e.getKey().equals("next")) continue;
            sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.append(sep).append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8)).toString();
    }
}
