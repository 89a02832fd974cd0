package app.colophon.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A series a book belongs to, with its position when known (1, 2.5 …). */
public record SeriesEntry(String name, Double number) {

    public SeriesEntry {
        Objects.requireNonNull(name, "name");
    }

    /** "Dune #1", "Dune #2.5" or just "Dune". */
    public String display() {
        return number == null ? name : name + " #" + formatNumber(number);
    }

    public static String formatNumber(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
