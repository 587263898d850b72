package dev.homebudget.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class OsAccountTests {

	private final OsAccount account = new OsAccount("nobody", 65534, 65534, "nogroup");

	@Test
	void onlyTheFirstMatchingPermissionClassCounts() {
		assertThat(this.account.canTraverse(65534, 0, 0100)).isTrue();
		// Owner without x is refused even though "other" may traverse: as in the kernel.
		assertThat(this.account.canTraverse(65534, 0, 0001)).isFalse();
		assertThat(this.account.canTraverse(0, 65534, 0010)).isTrue();
		assertThat(this.account.canTraverse(0, 65534, 0001)).isFalse();
		assertThat(this.account.canTraverse(0, 0, 0755)).isTrue();
		assertThat(this.account.canTraverse(0, 0, 0700)).isFalse();
		assertThat(this.account.canTraverse(0, 0, 0750)).isFalse();
		assertThat(this.account.canTraverse(0, 0, 0711)).isTrue();
	}

	@Test
	void firstUntraversableFindsTheBlockingAncestor(@TempDir Path temp) throws IOException {
		Path open = Files.createDirectory(temp.resolve("open"));
		Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx------"));
		Files.setPosixFilePermissions(open, FileTree.RWXR_XR_X);
		assertThat(this.account.firstUntraversable(open.resolve("missing/data"))).isEqualTo(temp.toRealPath());
		Files.setPosixFilePermissions(temp, FileTree.RWXR_XR_X);
		assumeThat(this.account.firstUntraversable(temp.getParent())).isNull();
		assertThat(this.account.firstUntraversable(open.resolve("missing/data"))).isNull();
	}

	@Test
	void existingAccountIsResolved() {
		OsAccount nobody = OsAccount.lookup("nobody");
		assertThat(nobody.uid()).isPositive();
		assertThat(nobody.groupName()).isNotBlank();
		assertThat(nobody.commandPrefix()).containsExactly("setpriv", "--reuid=nobody", "--regid=" + nobody.groupName(),
				"--clear-groups");
	}

	@Test
	void blankOrOptionLikeNamesAreRejected() {
		for (String name : new String[] { null, " ", "-u" }) {
			assertThatExceptionOfType(EmbeddedPostgresException.class).isThrownBy(() -> OsAccount.lookup(name))
				.withMessageContaining("budget.database.embedded.os-user");
		}
	}

	@Test
	void currentUidMatchesTheOwnerOfFilesWeCreate(@TempDir Path temp) throws IOException {
		Path file = Files.createFile(temp.resolve("probe"));
		assertThat(OsAccount.currentUid()).isEqualTo(Files.getAttribute(file, "unix:uid"));
	}

}
