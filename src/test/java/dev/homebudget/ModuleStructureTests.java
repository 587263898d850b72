package dev.homebudget;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The modules of the application and the one direction their dependencies take (see
 * docs/architecture.md): app → transition → features → ledger kernel → infrastructure.
 * Each top-level package under {@code dev.homebudget} is a module; a module may use the
 * modules of its own layer and the layers below it, never a layer above, and no two
 * modules may depend on each other in a circle.
 */
class ModuleStructureTests {

	/** The command line and the application class: they assemble everything. */
	static final String[] APP = { "dev.homebudget", "dev.homebudget.cli.." };

	/** The JSON era: it plugs into the ledger's storage port; no feature knows it. */
	static final String[] TRANSITION = { "dev.homebudget.transition.." };

	/** What a household uses: each its own module, built on the ledger kernel. */
	static final String[] FEATURES = { "dev.homebudget.budget..", "dev.homebudget.category..",
			"dev.homebudget.currency..", "dev.homebudget.expense..", "dev.homebudget.income..",
			"dev.homebudget.report..", "dev.homebudget.settle..", "dev.homebudget.household..",
			"dev.homebudget.idempotency..", "dev.homebudget.auth..", "dev.homebudget.settings..",
			"dev.homebudget.schedule..", "dev.homebudget.history..", "dev.homebudget.imports..",
			"dev.homebudget.rules..", "dev.homebudget.start..", "dev.homebudget.demo.." };

	/** The entry model, its SQL, queries, writes and CSV, and the storage port. */
	static final String[] LEDGER = { "dev.homebudget.ledger.." };

	/**
	 * What any module may use: HTTP plumbing, the database and its schema, operations.
	 */
	static final String[] INFRASTRUCTURE = { "dev.homebudget.web..", "dev.homebudget.database..",
			"dev.homebudget.schema..", "dev.homebudget.backup..", "dev.homebudget.ops..", "dev.homebudget.config..",
			"dev.homebudget.featureflag.." };

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.homebudget");

	@Test
	void everyModuleBelongsToALayer() {
		layers().ensureAllClassesAreContainedInArchitecture().check(CLASSES);
	}

	@Test
	void dependenciesPointDownTheLayers() {
		layers().check(CLASSES);
	}

	@Test
	void noModulesDependOnEachOtherInACircle() {
		slices().matching("dev.homebudget.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	private static com.tngtech.archunit.library.Architectures.LayeredArchitecture layers() {
		return layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("app")
			.definedBy(APP)
			.layer("transition")
			.definedBy(TRANSITION)
			.layer("features")
			.definedBy(FEATURES)
			.layer("ledger")
			.definedBy(LEDGER)
			.layer("infrastructure")
			.definedBy(INFRASTRUCTURE)
			.whereLayer("app")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("transition")
			.mayOnlyBeAccessedByLayers("app")
			.whereLayer("features")
			.mayOnlyBeAccessedByLayers("app", "transition")
			.whereLayer("ledger")
			.mayOnlyBeAccessedByLayers("app", "transition", "features")
			.whereLayer("infrastructure")
			.mayOnlyBeAccessedByLayers("app", "transition", "features", "ledger");
	}

}
