package dev.homebudget.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;

/**
 * The unprivileged operating-system account that runs PostgreSQL when the JVM runs as
 * root (PostgreSQL refuses to run as root).
 */
record OsAccount(String name, int uid, int gid, String groupName) {

	static OsAccount lookup(String name) {
		if (name == null || name.isBlank() || name.startsWith("-")) {
			throw new EmbeddedPostgresException("The OS account for the embedded PostgreSQL server is not set "
					+ "(budget.database.embedded.os-user); use an existing unprivileged account such as 'nobody'");
		}
		Commands.Result uid = Commands.run(List.of("id", "-u", name));
		if (!uid.succeeded()) {
			throw new EmbeddedPostgresException("The OS account '" + name + "' configured to run the embedded "
					+ "PostgreSQL server (budget.database.embedded.os-user) does not exist on this machine");
		}
		int gid = Integer.parseInt(Commands.run(List.of("id", "-g", name)).requireSuccess("id -g " + name).strip());
		String group = Commands.run(List.of("id", "-gn", name)).requireSuccess("id -gn " + name).strip();
		OsAccount account = new OsAccount(name, Integer.parseInt(uid.output().strip()), gid, group);
		if (account.uid() == 0) {
			throw new EmbeddedPostgresException("PostgreSQL cannot run as root, but the configured OS account '" + name
					+ "' has uid 0; set budget.database.embedded.os-user to an unprivileged account such as 'nobody'");
		}
		return account;
	}

	/** Effective uid of this JVM: the owner of {@code /proc/self}. */
	static int currentUid() {
		try {
			return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		}
		catch (IOException | UnsupportedOperationException ex) {
			return Integer.parseInt(Commands.run(List.of("id", "-u")).requireSuccess("id -u").strip());
		}
	}

	/** Prefix that runs a command as this account with no supplementary groups. */
	List<String> commandPrefix() {
		return List.of("setpriv", "--reuid=" + this.name, "--regid=" + this.groupName, "--clear-groups");
	}

	/**
	 * Whether this account may search (traverse) a directory with the given owner, group
	 * and mode. Like the kernel, only the first matching class counts: an owner without
	 * the x bit is refused even if "other" has it.
	 */
	boolean canTraverse(int ownerUid, int ownerGid, int mode) {
		if (ownerUid == this.uid) {
			return (mode & 0100) != 0;
		}
		if (ownerGid == this.gid) {
			return (mode & 0010) != 0;
		}
		return (mode & 0001) != 0;
	}

	/**
	 * The first existing directory on the way to {@code directory} (inclusive) that this
	 * account cannot traverse, or {@code null} when every existing one is traversable.
	 * Missing directories do not count: we create them with mode 755. Symbolic links are
	 * resolved first, because the kernel walks the target's ancestors.
	 */
	Path firstUntraversable(Path directory) {
		Path existing = directory.toAbsolutePath().normalize();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return null;
		}
		try {
			Path real = existing.toRealPath();
			Path current = real.getRoot();
			if (!traversable(current)) {
				return current;
			}
			for (Path element : real) {
				current = current.resolve(element);
				if (!traversable(current)) {
					return current;
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException("Could not inspect " + existing + ": " + ex.getMessage(), ex);
		}
	}

	private boolean traversable(Path path) throws IOException {
		int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
		int group = (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
		int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
		return canTraverse(owner, group, mode);
	}

	/** Hands a file or directory we created over to this account. */
	void takeOwnership(Path path) {
		try {
			UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
			PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
					LinkOption.NOFOLLOW_LINKS);
			GroupPrincipal group = lookup.lookupPrincipalByGroupName(this.groupName);
			view.setOwner(lookup.lookupPrincipalByName(this.name));
			view.setGroup(group);
		}
		catch (IOException ex) {
			throw new EmbeddedPostgresException(
					"Could not give " + path + " to OS account '" + this.name + "': " + ex.getMessage(), ex);
		}
	}

	boolean owns(Path path) {
		try {
			return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) == this.uid;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
