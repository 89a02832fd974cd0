package app.colophon.formats;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** MARC relator codes (as used by OPF {@code opf:role} and EPUB 3 {@code role} refines) to role words. */
final class MarcRoles {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("aut", "author"), Map.entry("ill", "illustrator"), Map.entry("trl", "translator"),
            Map.entry("edt", "editor"), Map.entry("nrt", "narrator"), Map.entry("art", "artist"),
            Map.entry("aui", "author of introduction"), Map.entry("aft", "author of afterword"),
            Map.entry("ctb", "contributor"), Map.entry("cov", "cover designer"), Map.entry("pht", "photographer"),
            Map.entry("dsr", "designer"), Map.entry("com", "compiler"), Map.entry("adp", "adapter"),
            Map.entry("ann", "annotator"), Map.entry("pbl", "publisher"), Map.entry("dto", "dedicator"),
            Map.entry("bkp", "book producer"), Map.entry("mrk", "markup editor"), Map.entry("pfr", "proofreader"),
            Map.entry("trc", "transcriber"), Map.entry("clr", "colorist"), Map.entry("wpr", "writer of preface"));

    private MarcRoles() {
    }

    /**
     * The role of a creator with the given codes: "author" when any code is {@code aut} (a creator who is also
     * the dedicator is still the author), else the first code's word, else the code itself. No code means author.
     */
    static String primaryRole(List<String> codes) {
        if (codes.isEmpty()) {
            return "author";
        }
        for (String code : codes) {
            if (code.trim().equalsIgnoreCase("aut")) {
                return "author";
            }
        }
        String first = codes.get(0).trim().toLowerCase(Locale.ROOT);
        if (first.startsWith("marc:")) {
            first = first.substring(5);
        }
        return WORDS.getOrDefault(first, first);
    }
}
