package app.colophon.formats;

import app.colophon.formats.OpfPackage.DcElement;
import app.colophon.formats.OpfPackage.ManifestItem;
import app.colophon.formats.OpfPackage.PropertyMeta;
import app.colophon.model.Contributor;
import app.colophon.model.Identifier;
import app.colophon.model.SeriesEntry;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a parsed OPF into {@link ParsedMetadata}, following the EPUB 2 and EPUB 3 package rules. */
final class OpfInterpreter {

    /** ONIX code list 5 values for EPUB 3 {@code identifier-type} refines. */
    private static final Map<String, String> ONIX_ID_TYPES = Map.of("15", "isbn", "02", "isbn", "03", "gtin",
            "22", "urn", "06", "doi");

    private OpfInterpreter() {
    }

    static ParsedMetadata interpret(OpfPackage pkg, String opfPath) {
        ParsedMetadata.Builder b = ParsedMetadata.builder();
        titles(pkg, b);
        for (DcElement creator : pkg.dc("creator")) {
            creator(pkg, creator, b);
        }
        series(pkg, b);
        pkg.dc("description").stream().findFirst().ifPresent(d -> b.description(Text.htmlToText(d.text())));
        pkg.dc("subject").forEach(s -> b.genre(s.text()));
        pkg.dc("publisher").stream().findFirst().ifPresent(p -> b.publisher(p.text()));
        pkg.dc("language").stream().findFirst().ifPresent(l -> b.language(l.text()));
        b.releaseDate(releaseDate(pkg));
        for (DcElement id : pkg.dc("identifier")) {
            Identifier identifier = Identifiers.parse(id.text(), identifierScheme(pkg, id));
            if (identifier != null) {
                b.identifier(identifier);
            }
        }
        b.cover(cover(pkg, opfPath));
        return b.build();
    }

    /** EPUB 3: the title refined as {@code main} (else the first) and the one refined as {@code subtitle}. */
    private static void titles(OpfPackage pkg, ParsedMetadata.Builder b) {
        List<DcElement> titles = pkg.dc("title").stream().filter(t -> Text.clean(t.text()) != null).toList();
        if (titles.isEmpty()) {
            b.sortTitle(pkg.namedMetas.get("calibre:title_sort"));
            return;
        }
        DcElement main = titles.stream().filter(t -> "main".equals(titleType(pkg, t))).findFirst()
                .orElse(titles.get(0));
        b.title(main.text());
        titles.stream().filter(t -> "subtitle".equals(titleType(pkg, t))).findFirst()
                .ifPresent(t -> b.subtitle(t.text()));
        String fileAs = pkg.refinement(main.id(), "file-as");
        b.sortTitle(fileAs != null ? fileAs : pkg.namedMetas.get("calibre:title_sort"));
    }

    private static String titleType(OpfPackage pkg, DcElement title) {
        String type = pkg.refinement(title.id(), "title-type");
        return type == null ? null : type.trim().toLowerCase(Locale.ROOT);
    }

    private static void creator(OpfPackage pkg, DcElement creator, ParsedMetadata.Builder b) {
        String name = Text.clean(creator.text());
        if (name == null) {
            return;
        }
        List<String> roles = new ArrayList<>();
        String opfRole = creator.attr("role");
        if (opfRole != null && !opfRole.isBlank()) {
            roles.add(opfRole);
        }
        for (PropertyMeta m : pkg.refinements(creator.id())) {
            if (m.property().equals("role") && Text.clean(m.text()) != null) {
                roles.add(Text.clean(m.text()));
            }
        }
        // EPUB 3 refines the creator with a file-as meta; EPUB 2 (and Calibre) write an opf:file-as attribute
        String fileAs = Text.clean(pkg.refinement(creator.id(), "file-as"));
        fileAs = fileAs != null ? fileAs : Text.clean(creator.attr("file-as"));
        b.author(new Contributor(name, MarcRoles.primaryRole(roles), onePerson(fileAs) ? fileAs : null));
    }

    /**
     * Calibre writes the file-as of all authors on each of them ("Blanck, Ulf &amp; Wegner, Stefanie"): a sort form
     * that names several people sorts none of them, so the name is turned round instead.
     */
    private static boolean onePerson(String fileAs) {
        return fileAs != null && !fileAs.contains("&") && !fileAs.contains(";");
    }

    /**
     * Series from {@code calibre:series} and from EPUB 3 {@code belongs-to-collection}. When any collection is
     * typed {@code series}, only those count: the others are then reading lists and sets, not series.
     * A collection that refines another collection names the parent of that collection (EPUB 3.3 D.3.1), not one
     * the book belongs to, so it is left out (which also makes a refines cycle harmless).
     */
    private static void series(OpfPackage pkg, ParsedMetadata.Builder b) {
        Map<String, SeriesEntry> byName = new LinkedHashMap<>();
        String calibreSeries = Text.clean(pkg.namedMetas.get("calibre:series"));
        if (calibreSeries != null) {
            byName.put(calibreSeries, new SeriesEntry(calibreSeries, number(pkg.namedMetas.get("calibre:series_index"))));
        }
        List<PropertyMeta> allCollections = pkg.propertyMetas.stream()
                .filter(m -> m.property().equals("belongs-to-collection")).toList();
        Set<String> collectionIds = allCollections.stream().map(PropertyMeta::id).filter(Objects::nonNull)
                .map(String::trim).collect(Collectors.toSet());
        List<PropertyMeta> collections = allCollections.stream()
                .filter(m -> m.refines() == null || !collectionIds.contains(m.refines()))
                .filter(m -> Text.clean(m.text()) != null).toList();
        boolean anyTypedSeries = collections.stream().anyMatch(c -> "series".equals(collectionType(pkg, c)));
        for (PropertyMeta c : collections) {
            if (anyTypedSeries && !"series".equals(collectionType(pkg, c))) {
                continue;
            }
            String name = Text.clean(c.text());
            SeriesEntry entry = new SeriesEntry(name, number(pkg.refinement(c.id(), "group-position")));
            SeriesEntry known = byName.get(name);
            if (known == null || known.number() == null) {
                byName.put(name, entry);
            }
        }
        byName.values().forEach(b::series);
    }

    private static String collectionType(OpfPackage pkg, PropertyMeta collection) {
        String type = pkg.refinement(collection.id(), "collection-type");
        return type == null ? null : type.trim().toLowerCase(Locale.ROOT);
    }

    static Double number(String raw) {
        String s = Text.clean(raw);
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The publication date. EPUB 2 dates may carry {@code opf:event}: the original publication is what a reader
     * means by "released"; conversion and modification dates are a last resort.
     */
    private static String releaseDate(OpfPackage pkg) {
        DcElement best = null;
        int bestRank = Integer.MAX_VALUE;
        for (DcElement date : pkg.dc("date")) {
            if (Text.clean(date.text()) == null) {
                continue;
            }
            String event = date.attr("event") == null ? "" : date.attr("event").trim().toLowerCase(Locale.ROOT);
            int rank = switch (event) {
                case "original-publication" -> 0;
                case "publication" -> 1;
                case "" -> 2;
                case "creation", "ops-publication" -> 3;
                default -> 4;
            };
            if (rank < bestRank) {
                best = date;
                bestRank = rank;
            }
        }
        return best == null ? null : Dates.normalize(best.text());
    }

    private static String identifierScheme(OpfPackage pkg, DcElement id) {
        String scheme = id.attr("scheme");
        if (scheme != null && !scheme.isBlank()) {
            return scheme;
        }
        String type = Text.clean(pkg.refinement(id.id(), "identifier-type"));
        return type == null ? null : ONIX_ID_TYPES.getOrDefault(type, type);
    }

    /**
     * The cover as an entry path inside the ZIP: the EPUB 3 {@code cover-image} item, else the EPUB 2
     * {@code meta name="cover"} item, else (prefixed {@code page:}) the guide's cover page, whose first image
     * is looked up only when the cover is needed.
     */
    private static String cover(OpfPackage pkg, String opfPath) {
        for (ManifestItem item : pkg.manifest) {
            if (item.hasProperty("cover-image") && inArchive(opfPath, item.href())) {
                return resolve(opfPath, item.href());
            }
        }
        String metaCover = Text.clean(pkg.namedMetas.get("cover"));
        if (metaCover != null) {
            for (ManifestItem item : pkg.manifest) {
                if ((metaCover.equals(item.id()) || metaCover.equals(item.href())) && item.isImage()
                        && inArchive(opfPath, item.href())) {
                    return resolve(opfPath, item.href());
                }
            }
        }
        String guideCover = pkg.guide.get("cover");
        if (inArchive(opfPath, guideCover)) {
            return "page:" + resolve(opfPath, guideCover);
        }
        return null;
    }

    /** An href that climbs above the container root names no entry; the cover cache must never be handed one. */
    private static boolean inArchive(String opfPath, String href) {
        if (href == null) {
            return false;
        }
        String entry = resolve(opfPath, href);
        return !entry.equals("..") && !entry.startsWith("../");
    }

    /** Resolves an href relative to the OPF's folder into a ZIP entry name (fragment and percent-encoding removed). */
    static String resolve(String opfPath, String href) {
        String h = href.trim();
        int hash = h.indexOf('#');
        if (hash >= 0) {
            h = h.substring(0, hash);
        }
        try {
            h = URLDecoder.decode(h.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ignored) {
            // keep the raw href when it is not valid percent-encoding
        }
        int slash = opfPath.lastIndexOf('/');
        String base = slash < 0 ? "" : opfPath.substring(0, slash + 1);
        String joined = h.startsWith("/") ? h.substring(1) : base + h;
        try {
            String normalized = URI.create("x:/" + joined.replace(" ", "%20")).normalize().getPath();
            return normalized.startsWith("/") ? normalized.substring(1) : normalized;
        } catch (IllegalArgumentException e) {
            return joined;
        }
    }
}
