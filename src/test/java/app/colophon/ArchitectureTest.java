package app.colophon;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layers of DESIGN §2 — {@code ui → library → {formats, store} → model}, {@code cli → library}, the local
 * HTTP API {@code ui → api → library} (the command line's {@code serve} gets it from {@code Main}), the JSON both
 * the command line and the API print {@code {cli, api} → json → library} — and the third-party libraries each
 * layer keeps to itself. Every layer must hold classes (ArchUnit fails on an empty
 * layer or an empty {@code that()}), so no rule passes by checking nothing; the {@code @Test}s below show each
 * library rule catching a class that breaks it.
 */
@AnalyzeClasses(packages = "app.colophon",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestClassesInAnyBuildFolder.class})
class ArchitectureTest {

    /**
     * {@link ImportOption.DoNotIncludeTests} knows {@code target/test-classes} only; builds may use another folder
     * ({@code -DbuildDir=target-x}), whose test classes must not count as production code either.
     */
    public static final class NoTestClassesInAnyBuildFolder implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

    /**
     * Who may use whom. The root package holds {@code Main}, which picks the window or the command line.
     */
    @ArchTest
    static final ArchRule layersDependOneWayOnly = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Main").definedBy("app.colophon")
            .layer("UI").definedBy("app.colophon.ui..")
            .layer("CLI").definedBy("app.colophon.cli..")
            .layer("API").definedBy("app.colophon.api..")
            .layer("JSON").definedBy("app.colophon.json..")
            .layer("Library").definedBy("app.colophon.library..")
            .layer("Formats").definedBy("app.colophon.formats..")
            .layer("Store").definedBy("app.colophon.store..")
            .layer("Model").definedBy("app.colophon.model..")
            .whereLayer("Main").mayNotBeAccessedByAnyLayer()
            .whereLayer("Main").mayOnlyAccessLayers("CLI", "API", "Library", "UI")
            .whereLayer("UI").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("UI").mayOnlyAccessLayers("API", "Library", "Model")
            .whereLayer("CLI").mayOnlyBeAccessedByLayers("Main")
            .whereLayer("CLI").mayOnlyAccessLayers("JSON", "Library", "Model")
            .whereLayer("API").mayOnlyBeAccessedByLayers("Main", "UI")
            .whereLayer("API").mayOnlyAccessLayers("JSON", "Library", "Model")
            .whereLayer("JSON").mayOnlyBeAccessedByLayers("CLI", "API")
            .whereLayer("JSON").mayOnlyAccessLayers("Library", "Model")
            .whereLayer("Library").mayOnlyBeAccessedByLayers("Main", "UI", "CLI", "API", "JSON")
            .whereLayer("Library").mayOnlyAccessLayers("Formats", "Store", "Model")
            .whereLayer("Formats").mayOnlyBeAccessedByLayers("Library", "CLI")
            .whereLayer("Formats").mayOnlyAccessLayers("Model")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Library")
            .whereLayer("Store").mayOnlyAccessLayers("Model")
            .whereLayer("Model").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("app.colophon.model..")
            .should().dependOnClassesThat().resideInAnyPackage("app.colophon", "app.colophon.ui..",
                    "app.colophon.cli..", "app.colophon.api..", "app.colophon.library..", "app.colophon.formats..",
                    "app.colophon.store..");

    @ArchTest
    static final ArchRule formatsAndStoreDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("app.colophon.formats..")
            .should().dependOnClassesThat().resideInAPackage("app.colophon.store..")
            .orShould().dependOnClassesThat().resideInAnyPackage("app.colophon.library..", "app.colophon.ui..",
                    "app.colophon.cli..", "app.colophon.api..", "app.colophon");

    @ArchTest
    static final ArchRule storeDoesNotKnowFormatsOrTheLayersAbove = noClasses()
            .that().resideInAPackage("app.colophon.store..")
            .should().dependOnClassesThat().resideInAnyPackage("app.colophon.formats..", "app.colophon.library..",
                    "app.colophon.ui..", "app.colophon.cli..", "app.colophon.api..", "app.colophon");

    @ArchTest
    static final ArchRule libraryDoesNotKnowUiOrCli = noClasses()
            .that().resideInAPackage("app.colophon.library..")
            .should().dependOnClassesThat().resideInAnyPackage("app.colophon.ui..", "app.colophon.cli..",
                    "app.colophon.api..");

    /** The HTTP API is reachable from the window and the command line alike, so it knows neither. */
    @ArchTest
    static final ArchRule apiDoesNotKnowUiOrCli = noClasses()
            .that().resideInAPackage("app.colophon.api..")
            .should().dependOnClassesThat().resideInAnyPackage("app.colophon.ui..", "app.colophon.cli..",
                    "app.colophon.store..", "app.colophon.formats..", "app.colophon");

    /** The command line prints the same JSON as the API, from {@code json}, without knowing the HTTP package. */
    @ArchTest
    static final ArchRule cliDoesNotKnowTheHttpApi = noClasses()
            .that().resideInAPackage("app.colophon.cli..")
            .should().dependOnClassesThat().resideInAPackage("app.colophon.api..");

    /** No two packages of ours use each other, directly or round a loop: each can be read (and moved) on its own. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("app.colophon.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiNeverTouchesTheStore = noClasses()
            .that().resideInAPackage("app.colophon.ui..")
            .should().dependOnClassesThat().resideInAPackage("app.colophon.store..");

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("app.colophon.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyStoreUsesTheDatabase = noClasses()
            .that().resideOutsideOfPackage("app.colophon.store..")
            .should().dependOnClassesThat().resideInAnyPackage("com.j256.ormlite..", "java.sql..", "javax.sql..",
                    "org.sqlite..");

    @ArchTest
    static final ArchRule onlyFormatsUseTheEpubAndPdfLibraries = noClasses()
            .that().resideOutsideOfPackage("app.colophon.formats..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.siegmann..", "net.sf.jazzlib..",
                    "org.apache.pdfbox..", "org.apache.fontbox..", "com.ctc.wstx..", "org.codehaus.stax2..");

    // The rules catch what they forbid: each is checked against a class (below, in the root package) that breaks it.

    @Test
    void javaFxRuleCatchesAClassOutsideTheUiUsingJavaFx() {
        assertCaught(onlyUiUsesJavaFx, UsesJavaFx.class);
    }

    @Test
    void databaseRuleCatchesAClassOutsideTheStoreUsingJdbc() {
        assertCaught(onlyStoreUsesTheDatabase, UsesJdbc.class);
    }

    @Test
    void databaseRuleCatchesAClassOutsideTheStoreUsingOrmLite() {
        assertCaught(onlyStoreUsesTheDatabase, UsesOrmLite.class);
    }

    @Test
    void readerLibraryRuleCatchesAClassOutsideFormatsUsingPdfBox() {
        assertCaught(onlyFormatsUseTheEpubAndPdfLibraries, UsesPdfBox.class);
    }

    @Test
    void readerLibraryRuleCatchesAClassOutsideFormatsUsingEpublib() {
        assertCaught(onlyFormatsUseTheEpubAndPdfLibraries, UsesEpublib.class);
    }

    @Test
    void readerLibraryRuleCatchesAClassOutsideFormatsUsingWoodstox() {
        assertCaught(onlyFormatsUseTheEpubAndPdfLibraries, UsesWoodstox.class);
    }

    @Test
    void cycleRuleCatchesTwoPackagesUsingEachOther() {
        JavaClasses classes = new ClassFileImporter().importClasses(app.colophon.cycle.a.UsesB.class,
                app.colophon.cycle.b.UsesA.class);
        assertThatThrownBy(() -> noPackageCycles.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void cliRuleCatchesACommandUsingTheHttpApi() {
        assertCaught(cliDoesNotKnowTheHttpApi, app.colophon.cli.UsesTheApi.class);
    }

    @Test
    void layerRuleCatchesTheRootPackageUsingTheStore() {
        assertCaught(layersDependOneWayOnly, UsesTheStore.class);
    }

    private static void assertCaught(ArchRule rule, Class<?> violator) {
        JavaClasses classes = new ClassFileImporter().importClasses(violator);
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator.getName());
    }

    static final class UsesJavaFx {
        javafx.scene.Node node;
    }

    static final class UsesJdbc {
        java.sql.Connection connection;
    }

    static final class UsesOrmLite {
        com.j256.ormlite.dao.Dao<?, ?> dao;
    }

    static final class UsesPdfBox {
        org.apache.pdfbox.pdmodel.PDDocument document;
    }

    static final class UsesEpublib {
        nl.siegmann.epublib.domain.Book book;
    }

    static final class UsesWoodstox {
        com.ctc.wstx.stax.WstxInputFactory factory;
    }

    static final class UsesTheStore {
        app.colophon.store.Database database;
    }
}
