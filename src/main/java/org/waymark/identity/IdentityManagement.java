package org.waymark.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.internal.OrganisationStore;
import org.waymark.identity.internal.UserStore;
import org.waymark.shared.Postcode;

/**
 * The identity module's API: organisations, user accounts and memberships. Methods that change
 * something are audited. Validation failures throw {@link IdentityValidationException} naming the
 * field and a message key; nothing is written then.
 */
@Service
public class IdentityManagement {

  private final OrganisationStore organisations;
  private final UserStore users;
  private final PasswordEncoder passwordEncoder;
  private final PasswordPolicy passwordPolicy;
  private final AuditLog audit;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  IdentityManagement(
      OrganisationStore organisations,
      UserStore users,
      PasswordEncoder passwordEncoder,
      PasswordPolicy passwordPolicy,
      AuditLog audit,
      FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.organisations = organisations;
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.passwordPolicy = passwordPolicy;
    this.audit = audit;
    this.sessions = sessions;
  }

  /** Every organisation, the deployment first, then by name. */
  public List<Organisation> organisations() {
    return organisations.all();
  }

  public List<Organisation> organisations(OrganisationType type) {
    return organisations.ofType(type);
  }

  public Optional<Organisation> organisation(UUID id) {
    return organisations.find(id);
  }

  /** The GP practices that belong to a PCN. */
  public List<Organisation> memberPractices(UUID pcnId) {
    return organisations.children(pcnId);
  }

  /**
   * Creates an organisation. A GP practice may name its PCN ({@code parentId}); other types may
   * not.
   *
   * @throws IdentityValidationException if the name or ODS code is taken, or the parent is not a
   *     PCN
   */
  @Transactional
  public Organisation createOrganisation(
      OrganisationType type, String name, String odsCode, UUID parentId, String postcode) {
    if (type == OrganisationType.DEPLOYMENT) {
      throw new IdentityValidationException("type", "organisation.type.invalid");
    }
    Organisation o = validOrganisation(UUID.randomUUID(), type, name, odsCode, parentId, postcode);
    organisations.insert(o);
    audit.record(AuditEntry.allowed("ORGANISATION_CREATED", "organisation", o.id(), null));
    return organisations.find(o.id()).orElseThrow();
  }

  /** Changes an organisation's name, ODS code, PCN and postcode (not its type). */
  @Transactional
  public Organisation updateOrganisation(
      UUID id, String name, String odsCode, UUID parentId, String postcode) {
    Organisation current =
        organisations.find(id).orElseThrow(() -> new NotFoundException("organisation"));
    Organisation o = validOrganisation(id, current.type(), name, odsCode, parentId, postcode);
    organisations.update(o);
    audit.record(AuditEntry.allowed("ORGANISATION_UPDATED", "organisation", id, null));
    return organisations.find(id).orElseThrow();
  }

  private Organisation validOrganisation(
      UUID id, OrganisationType type, String name, String odsCode, UUID parentId, String postcode) {
    String cleanName = name == null ? "" : name.strip();
    if (cleanName.isEmpty()) {
      throw new IdentityValidationException("name", "organisation.name.required");
    }
    if (organisations.nameTaken(cleanName, id)) {
      throw new IdentityValidationException("name", "organisation.name.taken");
    }
    String ods = odsCode == null || odsCode.isBlank() ? null : odsCode.strip().toUpperCase();
    if (ods != null && !ods.matches("[A-Z0-9]{3,10}")) {
      throw new IdentityValidationException("odsCode", "organisation.odsCode.invalid");
    }
    if (ods != null && organisations.odsCodeTaken(ods, id)) {
      throw new IdentityValidationException("odsCode", "organisation.odsCode.taken");
    }
    if (parentId != null) {
      Organisation parent = organisations.find(parentId).orElse(null);
      if (type != OrganisationType.GP_PRACTICE
          || parent == null
          || parent.type() != OrganisationType.PCN) {
        throw new IdentityValidationException("parentId", "organisation.parent.invalid");
      }
    }
    String pc = null;
    if (postcode != null && !postcode.isBlank()) {
      if (!Postcode.isValid(postcode)) {
        throw new IdentityValidationException("postcode", "postcode.invalid");
      }
      pc = Postcode.normalise(postcode);
    }
    return new Organisation(id, type, cleanName, ods, parentId, pc, null);
  }

  public Optional<UserAccount> user(UUID id) {
    return users.find(id);
  }

  /** Users whose name or email contains the text (all users when it is blank), at most 200. */
  public List<UserAccount> searchUsers(String text) {
    return users.search(text, 200);
  }

  public List<UserAccount> usersOf(UUID organisationId) {
    return users.inOrganisation(organisationId);
  }

  /**
   * The enabled users who hold this role in this organisation (not in its member practices), by
   * name; for example the link workers of a PCN.
   */
  public List<UserAccount> usersWithRole(UUID organisationId, Role role) {
    return users.withRole(organisationId, role);
  }

  /**
   * Creates an account with a password that meets {@link PasswordPolicy}.
   *
   * @throws IdentityValidationException if the email is taken or invalid, or the password is weak
   */
  @Transactional
  public UserAccount createUser(String email, String displayName, String password) {
    String cleanEmail = email == null ? "" : email.strip();
    if (!cleanEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IdentityValidationException("email", "user.email.invalid");
    }
    if (displayName == null || displayName.isBlank()) {
      throw new IdentityValidationException("displayName", "user.displayName.required");
    }
    if (users.emailTaken(cleanEmail)) {
      throw new IdentityValidationException("email", "user.email.taken");
    }
    passwordPolicy
        .problem(password, cleanEmail)
        .ifPresent(
            key -> {
              throw new IdentityValidationException("password", key);
            });
    UUID id = UUID.randomUUID();
    users.insert(id, cleanEmail, displayName.strip(), passwordEncoder.encode(password));
    audit.record(AuditEntry.allowed("USER_CREATED", "user", id, null));
    return users.find(id).orElseThrow();
  }

  /** Sets a new password that meets {@link PasswordPolicy} and ends the user's sessions. */
  @Transactional
  public void changePassword(UUID userId, String password) {
    UserAccount user = users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    passwordPolicy
        .problem(password, user.email())
        .ifPresent(
            key -> {
              throw new IdentityValidationException("password", key);
            });
    users.setPassword(userId, passwordEncoder.encode(password));
    audit.record(AuditEntry.allowed("USER_PASSWORD_CHANGED", "user", userId, null));
    endSessions(user.email());
  }

  /** Gives a user a role in an organisation; true if it was new. The user's sessions end. */
  @Transactional
  public boolean addMembership(UUID userId, UUID organisationId, Role role) {
    UserAccount user = users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    Organisation org =
        organisations.find(organisationId).orElseThrow(() -> new NotFoundException("organisation"));
    if ((role == Role.ADMINISTRATOR) != (org.type() == OrganisationType.DEPLOYMENT)) {
      // Administrators act for the deployment, and only administrators do.
      throw new IdentityValidationException("role", "membership.role.invalidForOrganisation");
    }
    boolean added = users.addMembership(organisationId, userId, role);
    if (added) {
      audit.record(
          AuditEntry.allowed("MEMBERSHIP_ADDED", "user", userId, null)
              .withDetail(role + " at " + organisationId));
      endSessions(user.email());
    }
    return added;
  }

  /** Removes a user's role in an organisation; true if they had it. The user's sessions end. */
  @Transactional
  public boolean removeMembership(UUID userId, UUID organisationId, Role role) {
    UserAccount user = users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    boolean removed = users.removeMembership(organisationId, userId, role);
    if (removed) {
      audit.record(
          AuditEntry.allowed("MEMBERSHIP_REMOVED", "user", userId, null)
              .withDetail(role + " at " + organisationId));
      endSessions(user.email());
    }
    return removed;
  }

  /** Disables an account: it can no longer sign in and every session it has ends at once. */
  @Transactional
  public void disableUser(UUID userId) {
    UserAccount user = users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    users.setEnabled(userId, false);
    audit.record(AuditEntry.allowed("USER_DISABLED", "user", userId, null));
    endSessions(user.email());
  }

  @Transactional
  public void enableUser(UUID userId) {
    users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    users.setEnabled(userId, true);
    audit.record(AuditEntry.allowed("USER_ENABLED", "user", userId, null));
  }

  /**
   * The identity provider's subject this account is bound to for OpenID Connect sign-in, if any.
   */
  public Optional<OidcSubject> oidcSubject(UUID userId) {
    return users.oidcSubject(userId);
  }

  /**
   * Removes the account's binding to an identity provider's subject, so that its next OpenID
   * Connect sign-in binds it again (by verified email, where that is allowed). The user's sessions
   * end. True if there was a binding.
   */
  @Transactional
  public boolean clearOidcSubject(UUID userId) {
    UserAccount user = users.find(userId).orElseThrow(() -> new NotFoundException("user"));
    boolean cleared = users.clearOidcSubject(userId);
    if (cleared) {
      audit.record(AuditEntry.allowed("USER_OIDC_SUBJECT_CLEARED", "user", userId, null));
      endSessions(user.email());
    }
    return cleared;
  }

  private void endSessions(String email) {
    sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
  }

  /** A record that was asked for does not exist. */
  public static class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
      super("No such " + what);
    }
  }
}
