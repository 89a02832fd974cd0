package app.colophon.model;

/**
 * What a field's declaration holds, the same for both families: its constant's name, its position, its JSON name,
 * its label, its kind. Each family keeps the list of its fields in declaration order.
 */
abstract sealed class DeclaredField<T> implements Field<T> permits BookField, FileField {

    private final String name;
    private final int ordinal;
    private final String jsonName;
    private final String label;
    private final ValueKind kind;
    private final boolean multiline;

    DeclaredField(String name, int ordinal, String jsonName, String label, ValueKind kind, boolean multiline) {
        this.name = name;
        this.ordinal = ordinal;
        this.jsonName = jsonName;
        this.label = label;
        this.kind = kind;
        this.multiline = multiline;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int ordinal() {
        return ordinal;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public ValueKind kind() {
        return kind;
    }

    @Override
    public boolean multiline() {
        return multiline;
    }

    @Override
    public String toString() {
        return name;
    }
}
