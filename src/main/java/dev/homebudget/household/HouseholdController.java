package dev.homebudget.household;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.homebudget.auth.CurrentUser;
import dev.homebudget.auth.SignedInUser;
import dev.homebudget.ledger.Households;
import dev.homebudget.ledger.PageLinks;
import dev.homebudget.web.ApiException;
import dev.homebudget.web.ApiSchemas;
import dev.homebudget.web.DeletedResponse;
import dev.homebudget.web.JsonObjectBody;
import dev.homebudget.web.PageRequest;
import dev.homebudget.web.ValidationIssue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The households API of sign-in mode. In single-user mode there is one household and
 * nobody to share it with: the list shows it, everything else is 404.
 */
@RestController
@Tag(name = "households")
class HouseholdController {

	static final String SINGLE_USER_MODE = "Households are shared between accounts, which single-user mode does not use";

	private static final int MAX_NAME_LENGTH = 100;

	private static final int MAX_INVITATION_HOURS = 24 * 30;

	private static final int DEFAULT_INVITATION_HOURS = 72;

	private final HouseholdService households;

	private final CurrentUser currentUser;

	private final InvitationLinks links;

	HouseholdController(HouseholdService households, CurrentUser currentUser, InvitationLinks links) {
		this.households = households;
		this.currentUser = currentUser;
		this.links = links;
	}

	record HouseholdResponse(int id, String name, String role, boolean current,
			@JsonProperty("created_at") OffsetDateTime createdAt) {

		static HouseholdResponse of(HouseholdService.HouseholdView view) {
			return new HouseholdResponse(view.id(), view.name(), view.role().value(), view.current(), view.createdAt());
		}

	}

	record MemberResponse(@JsonProperty("user_id") int userId, String username, String role,
			@JsonProperty("joined_at") OffsetDateTime joinedAt) {

		static MemberResponse of(HouseholdService.Member member) {
			return new MemberResponse(member.userId(), member.username(), member.role().value(), member.joinedAt());
		}

	}

	record InvitationResponse(int id, @JsonProperty("household_id") int householdId, String role,
			@JsonProperty("created_at") OffsetDateTime createdAt, @JsonProperty("expires_at") OffsetDateTime expiresAt,
			@JsonProperty("used_at") OffsetDateTime usedAt, @JsonProperty("used_by") Integer usedBy) {

		static InvitationResponse of(HouseholdService.Invitation invitation) {
			return new InvitationResponse(invitation.id(), invitation.householdId(), invitation.role().value(),
					invitation.createdAt(), invitation.expiresAt(), invitation.usedAt(), invitation.usedBy());
		}

	}

	/**
	 * A new invitation; {@code code} is shown this once.
	 *
	 * @param acceptUrl the web UI with the code: opened by the invited user (signed in),
	 * it offers to join; API clients POST the code to {@code /api/v1/invitations/accept}
	 */
	record InvitationCreated(int id, @JsonProperty("household_id") int householdId, String role, String code,
			@JsonProperty("accept_url") String acceptUrl, @JsonProperty("expires_at") OffsetDateTime expiresAt) {

	}

	record HouseholdCreate(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = MAX_NAME_LENGTH) String name) {

	}

	record HouseholdSwitch(
			@JsonProperty("household_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int householdId) {

	}

	record RoleChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
			"owner", "member", "viewer" }) String role){

	}

	record InvitationCreate(@Schema(allowableValues = {
			"owner", "member", "viewer" }, defaultValue = "member") String role,
			@JsonProperty("expires_in_hours") @Schema(minimum = "1", maximum = "720",
					defaultValue = "72") Integer expiresInHours){

	}

	record InvitationAccept(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String code) {

	}

	@GetMapping(path = "/api/v1/households", produces = "application/json")
	@Operation(operationId = "listHouseholds", summary = "The caller's households, their role and the current one")
	List<HouseholdResponse> list() {
		if (this.currentUser.get().isEmpty()) {
			return List.of(new HouseholdResponse(Households.FIRST, "Home", HouseholdRole.OWNER.value(), true, null));
		}
		return this.households.list(user().id()).stream().map(HouseholdResponse::of).toList();
	}

	@PostMapping(path = "/api/v1/households", produces = "application/json")
	@Operation(operationId = "createHousehold", summary = "Create a household owned by the caller; it becomes current",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = HouseholdCreate.class))))
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = HouseholdResponse.class)))
	@ApiResponse(responseCode = "409", description = "Storage phase P0 to P2: only the first household exists",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	ResponseEntity<HouseholdResponse> create(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		SignedInUser user = user();
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String name = fields.text("name");
		fields.check();
		name = name.strip();
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			throw JsonObjectBody.invalidField("name", "A household name is 1 to " + MAX_NAME_LENGTH + " characters",
					name);
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(HouseholdResponse.of(this.households.create(user.id(), name)));
	}

	@PutMapping(path = "/api/v1/account/household", produces = "application/json")
	@Operation(operationId = "switchHousehold", summary = "Make one of the caller's households the current one",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = HouseholdSwitch.class))))
	HouseholdResponse switchTo(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		SignedInUser user = user();
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		Integer id = fields.integer("household_id");
		fields.check();
		return HouseholdResponse.of(this.households.switchTo(user.id(), id));
	}

	@GetMapping(path = "/api/v1/households/{household_id}/members", produces = "application/json")
	@Operation(operationId = "listHouseholdMembers", summary = "The members of a household (owners only)")
	List<MemberResponse> members(
			@PathVariable("household_id") @Parameter(schema = @Schema(type = "integer")) String rawHousehold) {
		return this.households.members(user().id(), id(rawHousehold, HouseholdService.NOT_FOUND))
			.stream()
			.map(MemberResponse::of)
			.toList();
	}

	@PatchMapping(path = "/api/v1/households/{household_id}/members/{user_id}", produces = "application/json")
	@Operation(operationId = "changeHouseholdMemberRole",
			summary = "Change a member's role (owners only; the last owner stays one)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = RoleChange.class))))
	MemberResponse changeRole(
			@PathVariable("household_id") @Parameter(schema = @Schema(type = "integer")) String rawHousehold,
			@PathVariable("user_id") @Parameter(schema = @Schema(type = "integer")) String rawUser,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		SignedInUser user = user();
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		HouseholdRole role = role(fields, true);
		fields.check();
		int household = id(rawHousehold, HouseholdService.NOT_FOUND);
		int member = id(rawUser, HouseholdService.MEMBER_NOT_FOUND);
		return MemberResponse.of(this.households.changeRole(user.id(), household, member, role));
	}

	@DeleteMapping(path = "/api/v1/households/{household_id}/members/{user_id}", produces = "application/json")
	@Operation(operationId = "removeHouseholdMember",
			summary = "Remove a member (owners), or leave (yourself); the last owner cannot go")
	DeletedResponse removeMember(
			@PathVariable("household_id") @Parameter(schema = @Schema(type = "integer")) String rawHousehold,
			@PathVariable("user_id") @Parameter(schema = @Schema(type = "integer")) String rawUser) {
		SignedInUser user = user();
		int member = id(rawUser, HouseholdService.MEMBER_NOT_FOUND);
		this.households.removeMember(user.id(), id(rawHousehold, HouseholdService.NOT_FOUND), member);
		return DeletedResponse.of(member);
	}

	@PostMapping(path = "/api/v1/households/{household_id}/invitations", produces = "application/json")
	@Operation(operationId = "createHouseholdInvitation",
			summary = "Invite someone (owners only): a single-use code, shown once",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", schema = @Schema(implementation = InvitationCreate.class))))
	@ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = InvitationCreated.class)))
	ResponseEntity<InvitationCreated> invite(
			@PathVariable("household_id") @Parameter(schema = @Schema(type = "integer")) String rawHousehold,
			@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType,
			HttpServletRequest request) {
		SignedInUser user = user();
		JsonObjectBody fields = JsonObjectBody.readOptional(body, contentType);
		HouseholdRole role = role(fields, false);
		Integer hours = fields.optionalInteger("expires_in_hours");
		if (hours != null && (hours < 1 || hours > MAX_INVITATION_HOURS)) {
			fields.invalid("expires_in_hours",
					"Value error, expires_in_hours must be between 1 and " + MAX_INVITATION_HOURS,
					fields.node("expires_in_hours"));
		}
		fields.check();
		HouseholdService.CreatedInvitation created = this.households.invite(user.id(),
				id(rawHousehold, HouseholdService.NOT_FOUND), role,
				Duration.ofHours((hours != null) ? hours : DEFAULT_INVITATION_HOURS));
		String acceptUrl = this.links.acceptUrl(request, created.code());
		HouseholdService.Invitation invitation = created.invitation();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new InvitationCreated(invitation.id(), invitation.householdId(), invitation.role().value(),
					created.code(), acceptUrl, invitation.expiresAt()));
	}

	/** Invitations per page when the request names no limit. */
	static final int DEFAULT_PAGE = 100;

	@GetMapping(path = "/api/v1/households/{household_id}/invitations", produces = "application/json")
	@Operation(operationId = "listHouseholdInvitations",
			summary = "A household's invitations, used or not, oldest first, a page at a time (owners only; never their codes)",
			description = "At most limit (1 to 1000, default 100) per page; when more follow, the Link header "
					+ "(rel=\"next\") and X-Next-Cursor carry the cursor of the next page.")
	@Parameter(name = "limit", in = ParameterIn.QUERY,
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))
	@Parameter(name = "cursor", in = ParameterIn.QUERY, description = "From the previous page's X-Next-Cursor",
			schema = @Schema(type = "string"))
	ResponseEntity<List<InvitationResponse>> invitations(
			@PathVariable("household_id") @Parameter(schema = @Schema(type = "integer")) String rawHousehold,
			@Parameter(hidden = true) @RequestParam Map<String, String> parameters) {
		SignedInUser user = user();
		int household = id(rawHousehold, HouseholdService.NOT_FOUND);
		HouseholdService.InvitationPage page = this.households.invitations(user.id(), household,
				PageRequest.read(parameters, HouseholdService.INVITATIONS, 1, DEFAULT_PAGE));
		return PageLinks.ok(page.next()).body(page.invitations().stream().map(InvitationResponse::of).toList());
	}

	@DeleteMapping(path = "/api/v1/households/{household_id}/invitations/{invitation_id}",
			produces = "application/json")
	@Operation(operationId = "revokeHouseholdInvitation", summary = "Revoke an invitation (owners only)")
	DeletedResponse revoke(
			@PathVariable("household_id") @Parameter(schema = @Schema(type = "integer")) String rawHousehold,
			@PathVariable("invitation_id") @Parameter(schema = @Schema(type = "integer")) String rawInvitation) {
		SignedInUser user = user();
		int invitation = id(rawInvitation, HouseholdService.INVITATION_NOT_FOUND);
		this.households.revoke(user.id(), id(rawHousehold, HouseholdService.NOT_FOUND), invitation);
		return DeletedResponse.of(invitation);
	}

	@PostMapping(path = "/api/v1/invitations/accept", produces = "application/json")
	@Operation(operationId = "acceptHouseholdInvitation",
			summary = "Join a household with an invitation code; it becomes the current household",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "application/json",
							schema = @Schema(implementation = InvitationAccept.class))))
	@ApiResponse(responseCode = "404", description = "Unknown code",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	@ApiResponse(responseCode = "410", description = "Used or expired",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = ApiSchemas.ErrorDetail.class)))
	HouseholdResponse accept(@Parameter(hidden = true) @RequestBody(required = false) byte[] body,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE,
					required = false) String contentType) {
		SignedInUser user = user();
		JsonObjectBody fields = JsonObjectBody.read(body, contentType);
		String code = fields.text("code");
		fields.check();
		code = code.strip();
		return HouseholdResponse.of(this.households.accept(user.id(), code));
	}

	private SignedInUser user() {
		return this.currentUser.get().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, SINGLE_USER_MODE));
	}

	private static int id(String raw, String notFound) {
		try {
			return Integer.parseInt(raw);
		}
		catch (NumberFormatException ex) {
			throw new ApiException(HttpStatus.NOT_FOUND, notFound);
		}
	}

	private static HouseholdRole role(JsonObjectBody fields, boolean required) {
		String value = required ? fields.text("role") : fields.optionalText("role");
		if (value == null) {
			return HouseholdRole.MEMBER;
		}
		return HouseholdRole.parse(value)
			.orElseGet(() -> fields.issue(new ValidationIssue("enum", List.of("body", "role"),
					"Input should be 'owner', 'member' or 'viewer'", value, null)));
	}

}
