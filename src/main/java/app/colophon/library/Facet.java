package app.colophon.library;

/**
 * One entry of the browser: a value, how many books have it, and the search that finds exactly those books
 * ({@code author:"=Ursula K. Le Guin"}, {@code format:epub}, {@code has:error}).
 */
public record Facet(String name, long count, String query) {
}
