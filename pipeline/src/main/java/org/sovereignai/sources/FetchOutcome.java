package org.sovereignai.sources;

/**
 * What one fetch gave: either a response (status, headers, capped body) or a failure, plus the path taken.
 *
 * @param url          the URL asked for
 * @param finalUrl     where the redirects ended (the last URL requested)
 * @param status       the last HTTP status, 0 when no response came
 * @param body         the body bytes (empty for failures and 304)
 * @param failure      null on success (2xx or 304)
 * @param detail       plain-language detail of the failure
 * @param redirects    redirects followed
 * @param attempts     requests sent in all (retries and redirect hops included, robots.txt not)
 * @param notModified  the server answered 304 to our conditional GET: the stored page still stands
 */
public record FetchOutcome(String url, String finalUrl, int status, String contentType, String etag, String lastModified,
                           byte[] body, Failure failure, String detail, int redirects, int attempts, boolean notModified) {

    static FetchOutcome failed(String url, String finalUrl, int status, Failure failure, String detail, int redirects, int attempts) {
        return new FetchOutcome(url, finalUrl, status, null, null, null, new byte[0], failure, detail, redirects, attempts, false);
    }

    public boolean ok() {
        return failure == null;
    }
}
