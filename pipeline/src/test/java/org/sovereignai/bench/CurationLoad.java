package org.sovereignai.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.sovereignai.io.Json;
import org.sovereignai.web.HttpTestClient;

/**
 * The load generator of {@code pipeline/bench/team.sh}: closed-loop clients over loopback against one or more
 * {@code ./sai serve} instances of the curation API (client i talks to server i mod n, on a connection of its own).
 *
 * <pre>
 * CurationLoad submit  SERVERS CLIENTS WARMUP_S MEASURE_S TOKEN QUARTER IDS_FILE   sustained uploads of 50-row sheets
 * CurationLoad prepare SERVERS TOKEN QUARTER IDS_FILE COLUMNS    sheets of disjoint changes, one by one; prints their ids
 * CurationLoad decide  SERVERS CLIENTS WARMUP_S MEASURE_S TOKEN QUARTER CHANGES_FILE   approvals of the changes listed
 * </pre>
 *
 * {@code submit}: request k is an update sheet of 50 rows (ids k*50.. of IDS_FILE, wrapping) setting {@code funding_usd}
 * to a value no other request uses, so every upload is new content (201 expected). {@code prepare} uploads sheets that
 * each set COLUMNS (of funding_usd, notes, aliases, lead_org, name) of their own 50 records: changes that conflict
 * with no other change of those fields, and prints the id of each. {@code decide} reads those ids, shuffles them (seed
 * 42), then each client approves the next one (200 expected); it stops early when they run out. Requests that start
 * after the warm-up and end before the measured time is over are measured; the result is one line: {@code requests/s
 * p50 p99 max(ms) measured window(s) errors} (errors: any other status, by status; -1 a client that failed).
 */
public final class CurationLoad {
    static final int ROWS = 50;

    private CurationLoad() {
    }

    public static void main(String[] args) throws Exception {
        List<String> servers = Arrays.asList(args[1].split(","));
        switch (args[0]) {
            case "submit" -> {
                List<String> ids = ids(Path.of(args[7]));
                String path = "/api/v1/quarters/" + args[6] + "/submissions";
                AtomicInteger next = new AtomicInteger();
                run(servers, Integer.parseInt(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]), 201, server -> {
                    int k = next.getAndIncrement();
                    StringBuilder csv = new StringBuilder("id,funding_usd\n");
                    for (int r = 0; r < ROWS; r++) csv.append(ids.get((k * ROWS + r) % ids.size())).append(',').append(1_000_000_000L + (long) k * ROWS + r).append('\n');
                    return upload(args[5], server + path, "bench-" + k + ".csv", csv.toString());
                });
            }
            case "prepare" -> {
                List<String> ids = ids(Path.of(args[4]));
                List<String> columns = Arrays.asList(args[5].split(","));
                HttpClient client = HttpClient.newHttpClient();
                int sheets = ids.size() / ROWS;
                for (int k = 0; k < sheets; k++) {
                    StringBuilder csv = new StringBuilder("id," + String.join(",", columns) + "\n");
                    for (int r = 0; r < ROWS; r++) {
                        csv.append(ids.get(k * ROWS + r));
                        for (String col : columns) csv.append(',').append(value(col, k * ROWS + r));
                        csv.append('\n');
                    }
                    HttpRequest req = upload(args[2], servers.get(k % servers.size()) + "/api/v1/quarters/" + args[3] + "/submissions",
                            "prepare-" + k + ".csv", csv.toString());
                    HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() != 201) throw new IllegalStateException("prepare sheet " + k + ": " + res.statusCode() + " " + res.body());
                    for (JsonNode c : Json.mapper().readTree(res.body()).path("changes")) System.out.println(c.path("id").asText());
                }
            }
            case "decide" -> {
                String token = args[5];
                List<String> changes = new ArrayList<>(Files.readAllLines(Path.of(args[7])));
                if (changes.isEmpty()) throw new IllegalStateException("no changes listed in " + args[7]);
                // in an order of their own (fixed seed): consecutive ids are the four changes of one record, and 20
                // reviewers deciding the same record at the same moment would wait for each other (its lock)
                java.util.Collections.shuffle(changes, new java.util.Random(42));
                AtomicInteger next = new AtomicInteger();
                run(servers, Integer.parseInt(args[2]), Double.parseDouble(args[3]), Double.parseDouble(args[4]), 200, server -> {
                    int i = next.getAndIncrement();
                    if (i >= changes.size()) return null;
                    return request(token, server + "/api/v1/changes/" + changes.get(i) + "/approve").POST(HttpRequest.BodyPublishers.noBody()).build();
                });
            }
            default -> throw new IllegalArgumentException("submit, prepare or decide, not " + args[0]);
        }
    }

    /** A value no record has for this column: each change of the prepared sheets is a real one. */
    private static String value(String column, int n) {
        return switch (column) {
            case "funding_usd" -> Long.toString(2_000_000_000L + n);
            case "notes" -> "bench note " + n;
            case "aliases" -> "bench alias " + n;
            case "lead_org" -> "Bench Organisation " + n;
            case "name" -> "Bench Project " + n;
            default -> throw new IllegalArgumentException("no bench values for " + column);
        };
    }

    /** The record ids of a release's projects.csv (first column; generated ids need no CSV quoting). */
    private static List<String> ids(Path projectsCsv) throws Exception {
        List<String> lines = Files.readAllLines(projectsCsv);
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) out.add(line.substring(0, line.indexOf(',')));
        return out;
    }

    private static HttpRequest.Builder request(String token, String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token);
    }

    /** A multipart/form-data POST of one file part, as a browser's form sends it. */
    private static HttpRequest upload(String token, String url, String name, String csv) {
        return HttpTestClient.upload(request(token, url), name, csv.getBytes(StandardCharsets.UTF_8), null).build();
    }

    /** The next request of any client, to the client's server (base URL), or null when there is none. */
    private interface Next {
        HttpRequest on(String server) throws Exception;
    }

    private static void run(List<String> servers, int clients, double warmupS, double measureS, int expected, Next next) throws Exception {
        long start = System.nanoTime();
        long from = start + (long) (warmupS * 1e9);
        long until = from + (long) (measureS * 1e9);
        List<long[]> latencies = new ArrayList<>();
        Map<Integer, Integer> errors = new TreeMap<>();
        long[] lastEnd = {from};
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String server = servers.get(i % servers.size());
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (System.nanoTime() < until) {
                        HttpRequest req = next.on(server);
                        if (req == null) break; // nothing left to decide
                        long t0 = System.nanoTime();
                        HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        boolean measured = t0 >= from && t1 <= until;
                        if (res.statusCode() != expected) {
                            synchronized (errors) {
                                errors.merge(res.statusCode(), 1, Integer::sum);
                                if (errors.values().stream().mapToInt(Integer::intValue).sum() <= 3) {
                                    System.err.println(res.statusCode() + " " + res.body());
                                }
                            }
                        } else if (measured) {
                            if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                            mine[n++] = t1 - t0;
                            synchronized (lastEnd) {
                                lastEnd[0] = Math.max(lastEnd[0], t1);
                            }
                        }
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors.merge(-1, 1, Integer::sum);
                    }
                    System.err.println("client failed: " + e);
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine, n));
                }
            }, "client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        // the window ends at the measured end, or earlier when the work ran out (decide)
        double window = (Math.min(until, lastEnd[0]) - from) / 1e9;
        double rate = all.length / Math.max(window, 1e-9);
        System.out.println(String.format(Locale.ROOT, "%.1f %.0f %.0f %.0f %d %.1f %s", rate, ms(all, 0.50), ms(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length, window, errors.isEmpty() ? "none" : errors.toString().replace(" ", "")));
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
