package org.sovereignai.sources;

/**
 * What was read from a fetched body. For HTML every field may be filled; for PDFs and other types only the type,
 * size and hashes ({@code fingerprint} is then the hash of the bytes, so "changed" works for them too).
 *
 * @param text visible text used for evidence checks (title, description and body, without scripts), capped
 */
public record PageInfo(String contentType, String charset, String title, String canonical, String description,
                       String language, String published, String modified, String fingerprint, String sha256,
                       long bytes, String text) {
}
