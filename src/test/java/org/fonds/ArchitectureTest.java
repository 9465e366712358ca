package org.fonds;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout as a rule: the packages' imports have no cycle, and the lower packages (plumbing every
 * feature uses) never import a feature. Reads the compiled main classes only, not the tests.
 */
class ArchitectureTest {

    /** Plumbing that every feature may use and that never uses a feature. */
    static final List<String> LOWER = List.of("http", "name", "access", "fixity", "job", "db", "edtf", "shared",
            "resource", "history");
    /** One package per archival concept. */
    static final List<String> FEATURES = List.of("document", "tei", "text", "participant", "link", "media", "annotation",
            "agent", "place", "subject", "collection", "date", "search", "sample", "cmif", "oai", "webannotation", "iiif",
            "citation", "bulk");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.fonds");
    }

    @Test
    void thePackagesImportsHaveNoCycle() {
        slices().matching("org.fonds.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void lowerPackagesNeverImportAFeature() {
        noClasses().that().resideInAnyPackage(packages(LOWER))
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
                .because("features depend on the lower packages, never the reverse")
                .check(classes);
    }

    @Test
    void everyPackageIsLowerOrAFeature() {
        // a new package must be placed on one side, or the layering rule would silently not cover it
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : classes) {
            String name = c.getPackageName();
            if (name.startsWith("org.fonds.")) {
                String top = name.substring("org.fonds.".length()).split("\\.")[0];
                if (!LOWER.contains(top) && !FEATURES.contains(top)) {
                    unplaced.add(top);
                }
            }
        }
        assertEquals(Set.of(), unplaced, "packages neither in LOWER nor in FEATURES of ArchitectureTest");
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> "org.fonds." + n + "..").toArray(String[]::new);
    }
}
