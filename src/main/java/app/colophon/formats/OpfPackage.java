package app.colophon.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an OPF package document that carry metadata, as written (no interpretation yet).
 * Only direct children of {@code package/metadata} are collected, so a {@code <collection>}'s own
 * metadata cannot pose as the book's.
 */
final class OpfPackage {

    /** A Dublin Core element ({@code dc:title}, {@code dc:creator} …) with its attributes by local name. */
    record DcElement(String name, String id, String text, Map<String, String> attributes) {
        String attr(String localName) {
            return attributes.get(localName);
        }
    }

    /** An EPUB 3 {@code <meta property=…>}; {@code refines} without its leading '#'. */
    record PropertyMeta(String property, String id, String refines, String scheme, String text) {
    }

    record ManifestItem(String id, String href, String mediaType, String properties) {
        boolean hasProperty(String property) {
            if (properties == null) {
                return false;
            }
            for (String p : Text.words(properties)) {
                if (p.equals(property)) {
                    return true;
                }
            }
            return false;
        }

        boolean isImage() {
            return mediaType != null && mediaType.startsWith("image/");
        }
    }

    String version;
    final List<DcElement> dc = new ArrayList<>();
    final List<PropertyMeta> propertyMetas = new ArrayList<>();
    /** EPUB 2 {@code <meta name=… content=…>}, first value per name. */
    final Map<String, String> namedMetas = new HashMap<>();
    final List<ManifestItem> manifest = new ArrayList<>();
    /** Guide reference type → href. */
    final Map<String, String> guide = new HashMap<>();
    boolean hasMetadata;

    List<DcElement> dc(String name) {
        return dc.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The refining metas of an element id, in document order. */
    List<PropertyMeta> refinements(String id) {
        if (id == null) {
            return List.of();
        }
        return propertyMetas.stream().filter(m -> id.equals(m.refines())).toList();
    }

    String refinement(String id, String property) {
        return refinements(id).stream().filter(m -> m.property().equals(property))
                .map(PropertyMeta::text).findFirst().orElse(null);
    }
}
