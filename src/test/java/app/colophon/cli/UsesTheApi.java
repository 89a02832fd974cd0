package app.colophon.cli;

/** A command-line class that breaks the rule that the command line does not know the HTTP API (ArchitectureTest). */
public final class UsesTheApi {
    public app.colophon.api.ApiServer server;
}
