package app.colophon.ui.detail;

import app.colophon.library.FieldText;
import app.colophon.model.Edits;
import app.colophon.model.Field;
import app.colophon.model.FieldValues;
import app.colophon.model.Source;
import app.colophon.model.ValueKind;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labelled column of editable fields, each with a badge naming its value's source. It remembers what it showed
 * last, so it knows which fields the user changed ({@link #edits()}); an update from outside refreshes every field
 * the user has not touched and keeps what the user is typing in the others.
 */
final class FieldForm<F extends Field<?>> {

    static final String BADGE = "source-badge";
    /** Set on an input whose text differs from the stored value (an unsaved edit). */
    static final PseudoClass EDITED = PseudoClass.getPseudoClass("edited");

    private final Map<F, TextInputControl> inputs;
    private final Map<F, Label> badges;
    private final Map<F, String> shown;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);

    /** A row per field, labelled as the field's declaration says; the fields on several lines last. */
    FieldForm(GridPane grid, List<F> fields) {
        this.inputs = new LinkedHashMap<>();
        this.badges = new LinkedHashMap<>();
        this.shown = new LinkedHashMap<>();
        List<F> rows = new java.util.ArrayList<>(fields.stream().filter(f -> !f.multiline()).toList());
        rows.addAll(fields.stream().filter(Field::multiline).toList());
        grid.getStyleClass().add("field-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(96);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        ColumnConstraints sources = new ColumnConstraints();
        sources.setMinWidth(64);
        grid.getColumnConstraints().setAll(labels, values, sources);
        int r = 0;
        for (F row : rows) {
            TextInputControl input = row.multiline() ? area() : new TextField();
            input.getStyleClass().add("field-input");
            input.setId("field-" + row.jsonName());
            input.setAccessibleText(row.label());
            input.textProperty().addListener((o, was, now) -> recomputeDirty());
            if (row.kind() != ValueKind.TEXT) {
                input.setTooltip(new Tooltip(row.label() + ": separate several with ';'"));
            }
            Label label = new Label(row.label());
            label.getStyleClass().add("field-label");
            label.setLabelFor(input);
            Label badge = new Label();
            badge.getStyleClass().add(BADGE);
            badge.setId("badge-" + row.jsonName());
            badge.setVisible(false);
            grid.addRow(r++, label, input, badge);
            if (row.multiline()) {
                GridPane.setValignment(label, VPos.TOP);
                GridPane.setValignment(badge, VPos.TOP);
            }
            inputs.put(row, input);
            badges.put(row, badge);
            shown.put(row, "");
        }
    }

    private static TextArea area() {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(5);
        return area;
    }

    /** Shows {@code values}: fields the user has not changed take the new text; every badge follows its source. */
    void show(FieldValues<F> values) {
        for (Map.Entry<F, TextInputControl> entry : inputs.entrySet()) {
            F field = entry.getKey();
            TextInputControl input = entry.getValue();
            String text = FieldText.format(field, values.get((Field<?>) field).value());
            boolean untouched = input.getText().equals(shown.get(field));
            shown.put(field, text);
            if (untouched) {
                input.setText(text);
            }
            showBadge(badges.get(field), values.source(field));
        }
        recomputeDirty();
    }

    /** Shows {@code values} as fresh, dropping whatever the user typed. */
    void reset(FieldValues<F> values) {
        revert();
        show(values);
    }

    /** Puts back the text last shown in every field. */
    void revert() {
        inputs.forEach((field, input) -> input.setText(shown.get(field)));
    }

    /** The texts of the fields the user changed, in form order. */
    Map<F, String> edits() {
        Map<F, String> edits = new LinkedHashMap<>();
        inputs.forEach((field, input) -> {
            if (!input.getText().equals(shown.get(field))) {
                edits.put(field, input.getText());
            }
        });
        return edits;
    }

    /** Types {@code texts} into their fields, e.g. edits kept while another file was shown. */
    void type(Map<F, String> texts) {
        texts.forEach((field, text) -> inputs.get(field).setText(text));
    }

    /** The changed fields as values for the editor: an emptied field is a clear (FieldText.parse of ""). */
    static <F extends Field<?>> Edits<F> parse(Map<F, String> edits, Edits<F> into) {
        edits.forEach((field, text) -> parse(into, (Field<?>) field, text));
        return into;
    }

    private static <T> void parse(Edits<?> into, Field<T> field, String text) {
        into.set(field, FieldText.parse(field, text));
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    TextInputControl input(F field) {
        return inputs.get(field);
    }

    Label badge(F field) {
        return badges.get(field);
    }

    void setEditable(boolean editable) {
        inputs.values().forEach(i -> i.setEditable(editable));
    }

    private void recomputeDirty() {
        boolean any = false;
        for (Map.Entry<F, TextInputControl> e : inputs.entrySet()) {
            boolean edited = !e.getValue().getText().equals(shown.get(e.getKey()));
            e.getValue().pseudoClassStateChanged(EDITED, edited);
            any |= edited;
        }
        dirty.set(any);
    }

    static String badgeText(Source source) {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case MANUAL -> "manual";
            case FILE_METADATA -> "file";
            case FILEPATH -> "path";
        };
    }

    private static void showBadge(Label badge, Source source) {
        badge.getStyleClass().removeIf(c -> c.startsWith("source-") && !c.equals(BADGE));
        badge.setText(badgeText(source));
        badge.setVisible(source != null);
        if (source != null) {
            badge.getStyleClass().add("source-" + badgeText(source));
            badge.setTooltip(new Tooltip(switch (source) {
                case MANUAL -> "Set by you; a scan keeps it";
                case FILE_METADATA -> "Read from inside the file";
                case FILEPATH -> "Taken from the file or folder name";
            }));
        } else {
            badge.setTooltip(null);
        }
    }
}
