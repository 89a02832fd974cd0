package app.colophon.model;

/**
 * Where a file sits in an audiobook told in several files (one file per chapter): its disc and track numbers,
 * either of which may be unknown (null).
 */
public record Track(Integer disc, Integer number) {
}
