package dev.homebudget.household;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.homebudget.ledger.Households;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.PageRequest;
import dev.homebudget.web.SignedCursor;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households of signed-in users: creating them, switching between them, their members and
 * roles, and invitations. A household the caller is not in is 404, like one that does not
 * exist; a member who may not do something is 403. In the JSON-era phases (P0 to P2) only
 * the first household can be used, so creating, joining or switching to another one is
 * 409.
 */
@Service
public class HouseholdService {

	static final String NOT_FOUND = "Household not found";

	static final String MEMBER_NOT_FOUND = "Member not found";

	static final String INVITATION_NOT_FOUND = "Invitation not found";

	/** Households one user may belong to; keeps the household list short. */
	static final int MAX_HOUSEHOLDS_PER_USER = 100;

	/** Members of one household; keeps the member list and the balance short. */
	static final int MAX_MEMBERS = 100;

	/** Open (unused, unexpired) invitations of one household. */
	static final int MAX_OPEN_INVITATIONS = 100;

	/** The list name in invitation cursors. */
	static final String INVITATIONS = "invitations";

	/** 24 random bytes: 192 bits, URL-safe Base64 without padding (32 characters). */
	private static final int CODE_BYTES = 24;

	private final JdbcClient jdbc;

	private final CurrentHousehold current;

	private final SecureRandom random = new SecureRandom();

	HouseholdService(JdbcClient jdbc, CurrentHousehold current) {
		this.jdbc = jdbc;
		this.current = current;
	}

	/** A household as one of its members sees it. */
	public record HouseholdView(int id, String name, HouseholdRole role, boolean current, OffsetDateTime createdAt) {

	}

	public record Member(int userId, String username, HouseholdRole role, OffsetDateTime joinedAt) {

	}

	public record Invitation(int id, int householdId, HouseholdRole role, OffsetDateTime createdAt,
			OffsetDateTime expiresAt, OffsetDateTime usedAt, Integer usedBy) {

	}

	/** A new invitation and its code, which is not stored and cannot be read again. */
	public record CreatedInvitation(Invitation invitation, String code) {

	}

	/** The user's households, oldest first, with their role and which one is current. */
	@Transactional(readOnly = true)
	public List<HouseholdView> list(int userId) {
		Optional<CurrentHousehold.Membership> current = this.current.find(userId);
		int currentId = current.map(CurrentHousehold.Membership::household).orElse(0);
		return this.jdbc.sql("""
				SELECT h.id, h.name, m.role, h.created_at FROM households h
				JOIN household_members m ON m.household_id = h.id AND m.user_id = :user
				ORDER BY h.id LIMIT :max""")
			.param("user", userId)
			.param("max", MAX_HOUSEHOLDS_PER_USER)
			.query((rs, row) -> new HouseholdView(rs.getInt("id"), rs.getString("name"), role(rs.getString("role")),
					rs.getInt("id") == currentId, rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	/** A new household with the user as its owner; it becomes their current one. */
	@Transactional
	public HouseholdView create(int userId, String name) {
		requireDatabaseOnly();
		requireRoomForAnotherHousehold(userId);
		HouseholdView created = this.jdbc
			.sql("INSERT INTO households (name) VALUES (:name) RETURNING id, name, created_at")
			.param("name", name)
			.query((rs, row) -> new HouseholdView(rs.getInt("id"), rs.getString("name"), HouseholdRole.OWNER, true,
					rs.getObject("created_at", OffsetDateTime.class)))
			.single();
		addMember(created.id(), userId, HouseholdRole.OWNER);
		setCurrent(userId, created.id());
		return created;
	}

	/**
	 * Makes one of the user's households their current one; 404 if they are not in it.
	 */
	@Transactional
	public HouseholdView switchTo(int userId, int householdId) {
		HouseholdRole role = roleIn(householdId, userId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND));
		if (householdId != Households.FIRST) {
			requireDatabaseOnly();
		}
		setCurrent(userId, householdId);
		return this.jdbc.sql("SELECT id, name, created_at FROM households WHERE id = :id")
			.param("id", householdId)
			.query((rs, row) -> new HouseholdView(rs.getInt("id"), rs.getString("name"), role, true,
					rs.getObject("created_at", OffsetDateTime.class)))
			.single();
	}

	@Transactional(readOnly = true)
	public List<Member> members(int userId, int householdId) {
		requireOwner(userId, householdId);
		return this.jdbc.sql("""
				SELECT m.user_id, u.username, m.role, m.joined_at FROM household_members m
				JOIN users u ON u.id = m.user_id WHERE m.household_id = :household ORDER BY m.user_id LIMIT :max""")
			.param("household", householdId)
			.param("max", MAX_MEMBERS)
			.query((rs, row) -> new Member(rs.getInt("user_id"), rs.getString("username"), role(rs.getString("role")),
					rs.getObject("joined_at", OffsetDateTime.class)))
			.list();
	}

	/** Changes a member's role; the last owner cannot stop being one (409). */
	@Transactional
	public Member changeRole(int userId, int householdId, int memberId, HouseholdRole role) {
		requireOwner(userId, householdId);
		lockMembers(householdId);
		HouseholdRole before = roleIn(householdId, memberId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, MEMBER_NOT_FOUND));
		if (before == HouseholdRole.OWNER && role != HouseholdRole.OWNER) {
			requireAnotherOwner(householdId);
		}
		this.jdbc.sql("UPDATE household_members SET role = :role WHERE household_id = :household AND user_id = :user")
			.param("role", role.value())
			.param("household", householdId)
			.param("user", memberId)
			.update();
		// read without the owner check: an owner may have just made themselves a member
		return this.jdbc.sql("""
				SELECT m.user_id, u.username, m.role, m.joined_at FROM household_members m
				JOIN users u ON u.id = m.user_id WHERE m.household_id = :household AND m.user_id = :user""")
			.param("household", householdId)
			.param("user", memberId)
			.query((rs, row) -> new Member(rs.getInt("user_id"), rs.getString("username"), role(rs.getString("role")),
					rs.getObject("joined_at", OffsetDateTime.class)))
			.single();
	}

	/**
	 * Removes a member (an owner may remove anyone, anyone may leave); the last owner
	 * cannot be removed (409).
	 */
	@Transactional
	public void removeMember(int userId, int householdId, int memberId) {
		if (userId == memberId) {
			roleIn(householdId, userId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND));
		}
		else {
			requireOwner(userId, householdId);
		}
		lockMembers(householdId);
		HouseholdRole role = roleIn(householdId, memberId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, MEMBER_NOT_FOUND));
		if (role == HouseholdRole.OWNER) {
			requireAnotherOwner(householdId);
		}
		this.jdbc.sql("DELETE FROM household_members WHERE household_id = :household AND user_id = :user")
			.param("household", householdId)
			.param("user", memberId)
			.update();
	}

	/** A single-use invitation; its code is returned once and stored only as a hash. */
	@Transactional
	public CreatedInvitation invite(int userId, int householdId, HouseholdRole role, Duration validFor) {
		requireOwner(userId, householdId);
		if (householdId != Households.FIRST) {
			requireDatabaseOnly();
		}
		lockMembers(householdId);
		long open = this.jdbc.sql("""
				SELECT count(*) FROM household_invitations
				WHERE household_id = :household AND used_at IS NULL AND expires_at > now()""")
			.param("household", householdId)
			.query(Long.class)
			.single();
		if (open >= MAX_OPEN_INVITATIONS) {
			throw new ApiException(HttpStatus.CONFLICT, "This household has " + MAX_OPEN_INVITATIONS
					+ " open invitations, the most it may have; revoke unused ones first");
		}
		byte[] secret = new byte[CODE_BYTES];
		this.random.nextBytes(secret);
		String code = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Invitation invitation = this.jdbc
			.sql("""
					INSERT INTO household_invitations (household_id, role, code_sha256, created_by, expires_at)
					VALUES (:household, :role, :hash, :user, now() + make_interval(secs => :seconds))""" + " RETURNING "
					+ INVITATION_COLUMNS)
			.param("household", householdId)
			.param("role", role.value())
			.param("hash", sha256(code))
			.param("user", userId)
			.param("seconds", validFor.toSeconds())
			.query(HouseholdService::invitation)
			.single();
		return new CreatedInvitation(invitation, code);
	}

	/** A page of invitations and the cursor of the next one (null on the last). */
	public record InvitationPage(List<Invitation> invitations, String next) {

	}

	/** A page of a household's invitations, oldest first. */
	@Transactional(readOnly = true)
	public InvitationPage invitations(int userId, int householdId, PageRequest page) {
		requireOwner(userId, householdId);
		int after = 0;
		if (page.after() != null) {
			try {
				after = Integer.parseInt(page.after().get(0));
			}
			catch (NumberFormatException ex) {
				throw SignedCursor.invalid(null, "malformed cursor");
			}
		}
		List<Invitation> found = this.jdbc
			.sql("SELECT " + INVITATION_COLUMNS + " FROM household_invitations WHERE household_id = :household "
					+ "AND id > :after ORDER BY id LIMIT :limit")
			.param("household", householdId)
			.param("after", after)
			.param("limit", page.limit() + 1)
			.query(HouseholdService::invitation)
			.list();
		if (found.size() <= page.limit()) {
			return new InvitationPage(found, null);
		}
		List<Invitation> rows = found.subList(0, page.limit());
		return new InvitationPage(rows, PageRequest.cursor(INVITATIONS, rows.get(rows.size() - 1).id()));
	}

	/** Revokes (deletes) an invitation of the household; 404 if it is not one of its. */
	@Transactional
	public void revoke(int userId, int householdId, int invitationId) {
		requireOwner(userId, householdId);
		int deleted = this.jdbc.sql("DELETE FROM household_invitations WHERE id = :id AND household_id = :household")
			.param("id", invitationId)
			.param("household", householdId)
			.update();
		if (deleted == 0) {
			throw new ApiException(HttpStatus.NOT_FOUND, INVITATION_NOT_FOUND);
		}
	}

	/**
	 * Joins the household of an invitation with its role, and makes it the user's current
	 * household. One conditional update claims the invitation, so of two concurrent
	 * accepts exactly one wins. Unknown codes are 404; used or expired ones 410.
	 */
	@Transactional
	public HouseholdView accept(int userId, String code) {
		String hash = sha256(code);
		Optional<Invitation> known = this.jdbc
			.sql("SELECT " + INVITATION_COLUMNS + " FROM household_invitations WHERE code_sha256 = :hash")
			.param("hash", hash)
			.query(HouseholdService::invitation)
			.optional();
		Invitation invitation = known.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, INVITATION_NOT_FOUND));
		if (invitation.householdId() != Households.FIRST) {
			requireDatabaseOnly();
		}
		if (roleIn(invitation.householdId(), userId).isPresent()) {
			throw alreadyMember();
		}
		requireRoomForAnotherHousehold(userId);
		lockMembers(invitation.householdId());
		long members = this.jdbc.sql("SELECT count(*) FROM household_members WHERE household_id = :household")
			.param("household", invitation.householdId())
			.query(Long.class)
			.single();
		if (members >= MAX_MEMBERS) {
			throw new ApiException(HttpStatus.CONFLICT,
					"This household has " + MAX_MEMBERS + " members, the most it may have");
		}
		Optional<Integer> claimed = this.jdbc.sql("""
				UPDATE household_invitations SET used_at = now(), used_by = :user
				WHERE id = :id AND used_at IS NULL AND expires_at > now() RETURNING id""")
			.param("user", userId)
			.param("id", invitation.id())
			.query(Integer.class)
			.optional();
		if (claimed.isEmpty()) {
			throw new ApiException(HttpStatus.GONE, "This invitation has already been used or has expired");
		}
		// The same user accepting two invitations to one household at once: the second
		// waits for the first's membership row and then finds it (the claim rolls back).
		int added = this.jdbc
			.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:household, :user, :role) "
					+ "ON CONFLICT (household_id, user_id) DO NOTHING")
			.param("household", invitation.householdId())
			.param("user", userId)
			.param("role", invitation.role().value())
			.update();
		if (added == 0) {
			throw alreadyMember();
		}
		return switchTo(userId, invitation.householdId());
	}

	private static ApiException alreadyMember() {
		return new ApiException(HttpStatus.CONFLICT, "You are already a member of this household");
	}

	/** 409 when the user already belongs to as many households as one may. */
	private void requireRoomForAnotherHousehold(int userId) {
		this.jdbc.sql("SELECT id FROM users WHERE id = :user FOR UPDATE")
			.param("user", userId)
			.query(Integer.class)
			.optional();
		long households = this.jdbc.sql("SELECT count(*) FROM household_members WHERE user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.single();
		if (households >= MAX_HOUSEHOLDS_PER_USER) {
			throw new ApiException(HttpStatus.CONFLICT, "You belong to " + MAX_HOUSEHOLDS_PER_USER
					+ " households, the most one account may; leave one first");
		}
	}

	private static final String INVITATION_COLUMNS = "id, household_id, role, created_at, expires_at, used_at, used_by";

	private static Invitation invitation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Invitation(rs.getInt("id"), rs.getInt("household_id"), role(rs.getString("role")),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
				rs.getObject("used_at", OffsetDateTime.class), rs.getObject("used_by", Integer.class));
	}

	private void addMember(int householdId, int userId, HouseholdRole role) {
		this.jdbc.sql("INSERT INTO household_members (household_id, user_id, role) VALUES (:household, :user, :role)")
			.param("household", householdId)
			.param("user", userId)
			.param("role", role.value())
			.update();
	}

	private void setCurrent(int userId, int householdId) {
		this.jdbc.sql("UPDATE users SET current_household_id = :household WHERE id = :user")
			.param("household", householdId)
			.param("user", userId)
			.update();
	}

	Optional<HouseholdRole> roleIn(int householdId, int userId) {
		return this.jdbc.sql("SELECT role FROM household_members WHERE household_id = :household AND user_id = :user")
			.param("household", householdId)
			.param("user", userId)
			.query(String.class)
			.optional()
			.map(HouseholdService::role);
	}

	/** 404 for a household the user is not in, 403 for one they do not own. */
	private void requireOwner(int userId, int householdId) {
		HouseholdRole role = roleIn(householdId, userId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND));
		if (role != HouseholdRole.OWNER) {
			throw new ApiException(HttpStatus.FORBIDDEN, "Only an owner of the household can manage its members");
		}
	}

	/** Serializes membership changes of one household (the last-owner rule). */
	private void lockMembers(int householdId) {
		this.jdbc.sql("SELECT id FROM households WHERE id = :id FOR UPDATE")
			.param("id", householdId)
			.query(Integer.class)
			.single();
	}

	private void requireAnotherOwner(int householdId) {
		long owners = this.jdbc
			.sql("SELECT count(*) FROM household_members WHERE household_id = :household AND role = 'owner'")
			.param("household", householdId)
			.query(Long.class)
			.single();
		if (owners <= 1) {
			throw new ApiException(HttpStatus.CONFLICT,
					"A household needs an owner: make another member an owner first");
		}
	}

	private void requireDatabaseOnly() {
		if (this.current.jsonEra()) {
			throw Households.needsPostgresOnly();
		}
	}

	private static HouseholdRole role(String value) {
		return HouseholdRole.parse(value).orElseThrow();
	}

	static String sha256(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
