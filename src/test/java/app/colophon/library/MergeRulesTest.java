package app.colophon.library;

import app.colophon.model.BookField;
import app.colophon.model.Contributor;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.FileField;
import app.colophon.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MergeRulesTest {

    private static final String STORED = "Dune";
    private static final List<Contributor> STORED_AUTHORS = List.of(Contributor.author("Frank Herbert"));

    @ParameterizedTest(name = "scalar: stored {0}, new {1}, {2}, new value {3} -> {4}")
    @CsvFileSource(resources = "/merge-matrix.csv", numLinesToSkip = 1)
    void scalarFollowsThePriorityMatrix(Source stored, Source incoming, String mode, String newValue, String outcome) {
        String value = switch (newValue) {
            case "empty" -> "";
            case "equal" -> STORED;
            default -> "Dune Messiah";
        };
        boolean update = MergeRules.shouldUpdateScalar(STORED, stored, value, incoming, mode.equals("refresh"));
        assertThat(update).isEqualTo(outcome.equals("replace"));
    }

    @ParameterizedTest(name = "relationship: stored {0}, new {1}, {2}, new value {3} -> {4}")
    @CsvFileSource(resources = "/merge-matrix.csv", numLinesToSkip = 1)
    void relationshipFollowsThePriorityMatrix(Source stored, Source incoming, String mode, String newValue, String outcome) {
        List<Contributor> value = switch (newValue) {
            case "empty" -> List.of();
            case "equal" -> List.of(Contributor.author("Frank Herbert"));
            default -> List.of(Contributor.author("Frank Herbert"), Contributor.author("Brian Herbert"));
        };
        boolean update = MergeRules.shouldUpdateRelationship(STORED_AUTHORS, stored, value, incoming, mode.equals("refresh"));
        assertThat(update).isEqualTo(outcome.equals("replace"));
    }

    @ParameterizedTest(name = "book and file fields: stored {0}, new {1}, {2}, new value {3} -> {4}")
    @CsvFileSource(resources = "/merge-matrix.csv", numLinesToSkip = 1)
    void bookAndFileFieldsTakeTheNewValueAndItsSourceWhereTheMatrixSaysReplace(Source stored, Source incoming,
                                                                                String mode, String newValue, String outcome) {
        boolean refresh = mode.equals("refresh");
        boolean replace = outcome.equals("replace");
        List<String> narrators = switch (newValue) {
            case "empty" -> List.of();
            case "equal" -> List.of("Frank Herbert");
            default -> List.of("Simon Vance");
        };
        assertMatrix(BookField.none(), BookField.TITLE, STORED, scalar(newValue), stored, incoming, refresh, replace);
        assertMatrix(BookField.none(), BookField.AUTHORS, STORED_AUTHORS, authors(newValue), stored, incoming, refresh, replace);
        assertMatrix(FileField.none(), FileField.PUBLISHER, STORED, scalar(newValue), stored, incoming, refresh, replace);
        assertMatrix(FileField.none(), FileField.NARRATORS, List.of("Frank Herbert"), narrators, stored, incoming, refresh,
                replace);
    }

    private static <F extends Field<?>, T> void assertMatrix(FieldValues<F> none, Field<T> field, T have, T next,
                                                             Source stored, Source incoming, boolean refresh,
                                                             boolean replace) {
        FieldValues<F> merged = MergeRules.merge(none.with(field, have, stored), none.with(field, next, incoming), refresh);
        assertThat(merged.value(field)).as(field.name()).isEqualTo(replace ? next : have);
        assertThat(merged.source(field)).as(field.name()).isEqualTo(replace ? incoming : stored);
    }

    private static String scalar(String kind) {
        return (String) sample(true, kind);
    }

    @SuppressWarnings("unchecked")
    private static List<Contributor> authors(String kind) {
        return (List<Contributor>) sample(false, kind);
    }

    private static Object sample(boolean scalar, String kind) {
        if (scalar) {
            return switch (kind) {
                case "empty" -> "";
                case "equal" -> STORED;
                default -> "Dune Messiah";
            };
        }
        return switch (kind) {
            case "empty" -> List.of();
            case "equal" -> List.of(Contributor.author("Frank Herbert"));
            default -> List.of(Contributor.author("Brian Herbert"));
        };
    }

    @Test
    void aPathTitleConfirmedByTheFileBecomesFileMetadata() {
        FieldValues<BookField<?>> merged = MergeRules.merge(
                BookField.none().with(BookField.TITLE, "Dune", Source.FILEPATH),
                BookField.none().with(BookField.TITLE, "Dune", Source.FILE_METADATA), false);

        assertThat(merged.source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
    }

    @Test
    void aRefreshTakesOverAManualValueEqualToTheFiles() {
        FieldValues<BookField<?>> merged = MergeRules.merge(
                BookField.none().with(BookField.TITLE, "Dune", Source.MANUAL),
                BookField.none().with(BookField.TITLE, "Dune", Source.FILE_METADATA), true);

        assertThat(merged.source(BookField.TITLE)).isEqualTo(Source.FILE_METADATA);
    }

    @Test
    void anyValueFillsAFieldThatWasNeverSet() {
        assertThat(MergeRules.shouldUpdateScalar(null, null, "Dune", Source.FILEPATH, false)).isTrue();
    }

    @Test
    void manualClearIsNotRefilledByAScan() {
        assertThat(MergeRules.shouldUpdateScalar(null, Source.MANUAL, "Dune", Source.FILE_METADATA, false)).isFalse();
    }

    @Test
    void manualClearIsRefilledByARefresh() {
        assertThat(MergeRules.shouldUpdateScalar(null, Source.MANUAL, "Dune", Source.FILE_METADATA, true)).isTrue();
    }

    @Test
    void relationshipOrderCountsAsADifference() {
        List<Contributor> stored = List.of(Contributor.author("A"), Contributor.author("B"));
        List<Contributor> swapped = List.of(Contributor.author("B"), Contributor.author("A"));
        assertThat(MergeRules.shouldUpdateRelationship(stored, Source.FILE_METADATA, swapped, Source.FILE_METADATA, false)).isTrue();
    }

    @Test
    void mergeKeepsManualTitleAndTakesNewSubtitle() {
        FieldValues<BookField<?>> stored = BookField.none()
                .with(BookField.TITLE, "My Title", Source.MANUAL);
        FieldValues<BookField<?>> incoming = BookField.none()
                .with(BookField.TITLE, "File Title", Source.FILE_METADATA)
                .with(BookField.SUBTITLE, "A Subtitle", Source.FILE_METADATA);

        FieldValues<BookField<?>> merged = MergeRules.merge(stored, incoming, false);

        assertThat(merged.text(BookField.TITLE)).isEqualTo("My Title");
        assertThat(merged.source(BookField.TITLE)).isEqualTo(Source.MANUAL);
        assertThat(merged.text(BookField.SUBTITLE)).isEqualTo("A Subtitle");
        assertThat(merged.source(BookField.SUBTITLE)).isEqualTo(Source.FILE_METADATA);
    }

    @Test
    void mergeInRefreshModeOverwritesManualTitleButKeepsFieldsTheFileLacks() {
        FieldValues<BookField<?>> stored = BookField.none()
                .with(BookField.TITLE, "My Title", Source.MANUAL)
                .with(BookField.TAGS, List.of("favourite"), Source.MANUAL);
        FieldValues<BookField<?>> incoming = BookField.none()
                .with(BookField.TITLE, "File Title", Source.FILE_METADATA);

        FieldValues<BookField<?>> merged = MergeRules.merge(stored, incoming, true);

        assertThat(merged.text(BookField.TITLE)).isEqualTo("File Title");
        assertThat(merged.<String>list(BookField.TAGS)).containsExactly("favourite");
    }
}
