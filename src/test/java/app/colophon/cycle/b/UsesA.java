package app.colophon.cycle.b;

/** The other half of a package cycle, for ArchitectureTest's cycle rule to catch. */
public final class UsesA {
    public app.colophon.cycle.a.UsesB other;
}
