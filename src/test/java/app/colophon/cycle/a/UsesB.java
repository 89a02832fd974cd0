package app.colophon.cycle.a;

/** One half of a package cycle, for ArchitectureTest's cycle rule to catch. */
public final class UsesB {
    public app.colophon.cycle.b.UsesA other;
}
