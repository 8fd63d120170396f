package org.waymark.fhir;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.fhir.internal.FhirClientStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.shared.RecordNotFoundException;

/**
 * Registering the client systems that may call the FHIR API, for administrators. A client acts for
 * one organisation through an account of its own (a referrer for a GP practice or another referring
 * organisation, a VCS coordinator for a voluntary organisation, a service manager for a PCN's link
 * worker service, whose system reads the casework its scopes allow), so the modules' own access
 * checks and audit log apply to it exactly as to a person in that role; its scopes further limit
 * which resources and operations it may use. Every method needs {@link
 * Permission#ADMINISTER_ORGANISATIONS}; a refusal is audited and thrown as {@link
 * org.springframework.security.access.AccessDeniedException}.
 */
@Service
public class FhirClients {

  /** The resource types a scope may name, besides {@code *} for all of them. */
  public static final List<String> RESOURCE_TYPES =
      List.of(
          "Patient",
          "ServiceRequest",
          "Task",
          "DocumentReference",
          "Subscription",
          "HealthcareService",
          "Organization",
          "Location",
          "Consent",
          "Questionnaire",
          "QuestionnaireResponse",
          "Observation",
          "CarePlan",
          "Goal");

  /** SMART system scopes: a resource type (or every type) and read, write or both. */
  public static final Pattern SCOPE =
      Pattern.compile("system/(\\*|" + String.join("|", RESOURCE_TYPES) + ")\\.(read|write|\\*)");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final FhirClientStore store;
  private final IdentityManagement identity;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final PasswordEncoder passwords;
  private final CodeLists codeLists;

  FhirClients(
      FhirClientStore store,
      IdentityManagement identity,
      AccessPolicy access,
      AuditLog audit,
      PasswordEncoder passwords,
      CodeLists codeLists) {
    this.store = store;
    this.identity = identity;
    this.access = access;
    this.audit = audit;
    this.passwords = passwords;
    this.codeLists = codeLists;
  }

  /**
   * Registers a client with a generated client id and secret.
   *
   * @see #register(UUID, String, List, String, String, String)
   */
  @Transactional
  public FhirClientRegistration register(
      UUID organisationId, String name, List<String> scopes, String referralSource) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    return register(
        organisationId,
        name,
        scopes,
        referralSource,
        "wm-" + HexFormat.of().formatHex(id),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /**
   * Registers a client with the given client id and secret (at least 16 characters), creating the
   * account it acts as. Audited as {@code FHIR_CLIENT_REGISTERED}.
   *
   * @param organisationId a GP practice, VCS, local authority, PCN or other referring organisation
   * @param scopes at least one, each matching {@link #SCOPE}
   * @param referralSource a {@code REFERRAL_SOURCE} code for referrals that name none; may be null
   * @throws IllegalArgumentException naming what is wrong; nothing is written
   */
  @Transactional
  public FhirClientRegistration register(
      UUID organisationId,
      String name,
      List<String> scopes,
      String referralSource,
      String clientId,
      String clientSecret) {
    access.require(Permission.ADMINISTER_ORGANISATIONS, organisationId, "fhir_client", null, null);
    Organisation org =
        identity
            .organisation(organisationId)
            .orElseThrow(() -> new RecordNotFoundException("organisation"));
    Role role =
        roleFor(org.type())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "FHIR clients act for a GP practice, a VCS, a local authority, a PCN or"
                            + " another referrer"));
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 200) {
      problems.add("a name of 1 to 200 characters is required");
    }
    if (scopes == null || scopes.isEmpty()) {
      problems.add("at least one scope is required");
    } else {
      scopes.stream()
          .filter(s -> !SCOPE.matcher(s).matches())
          .forEach(s -> problems.add("unknown scope " + s));
    }
    if (referralSource != null && !codeLists.isActive(CodeList.REFERRAL_SOURCE, referralSource)) {
      problems.add("unknown referral source " + referralSource);
    }
    if (clientId == null || !clientId.matches("[A-Za-z0-9._-]{8,100}")) {
      problems.add("a client id of 8 to 100 letters, digits, dots, dashes or underscores");
    } else if (store.findByClientId(clientId).isPresent()) {
      problems.add("the client id is taken");
    }
    if (clientSecret == null || clientSecret.length() < 16) {
      problems.add("a secret of at least 16 characters is required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    // The account is never signed in to: its password is random and never shown.
    byte[] password = new byte[32];
    RANDOM.nextBytes(password);
    UserAccount account =
        identity.createUser(
            "fhir-" + clientId.toLowerCase() + "@clients.waymark.invalid",
            name.strip() + " (FHIR client)",
            Base64.getEncoder().encodeToString(password));
    identity.addMembership(account.id(), organisationId, role);
    UUID id = UUID.randomUUID();
    UUID by = access.currentUser().map(u -> u.userId()).orElse(null);
    store.insert(
        id,
        organisationId,
        clientId,
        passwords.encode(clientSecret),
        name.strip(),
        List.copyOf(new LinkedHashSet<>(scopes)),
        account.id(),
        referralSource,
        by);
    audit.record(
        AuditEntry.allowed("FHIR_CLIENT_REGISTERED", "fhir_client", id, null)
            .withDetail(clientId + " for " + organisationId));
    return new FhirClientRegistration(store.find(id).orElseThrow(), clientSecret);
  }

  /** The clients registered for an organisation. */
  @Transactional(readOnly = true)
  public List<FhirClient> forOrganisation(UUID organisationId) {
    access.require(Permission.ADMINISTER_ORGANISATIONS, organisationId, "fhir_client", null, null);
    return store.forOrganisation(organisationId);
  }

  /**
   * Disables a client: it gets no new tokens, and tokens it holds stop working at once. Audited as
   * {@code FHIR_CLIENT_DISABLED}.
   */
  @Transactional
  public void disable(UUID id) {
    FhirClient c = store.find(id).orElseThrow(() -> new RecordNotFoundException("fhir_client"));
    access.require(
        Permission.ADMINISTER_ORGANISATIONS, c.organisationId(), "fhir_client", id, null);
    store.disable(id);
    identity.disableUser(c.systemUserId());
    audit.record(AuditEntry.allowed("FHIR_CLIENT_DISABLED", "fhir_client", id, null));
  }

  /** An enabled client by its client id, for authentication; no access check. */
  public Optional<FhirClient> enabledByClientId(String clientId) {
    return store.findByClientId(clientId).filter(FhirClient::enabled);
  }

  /**
   * The organisations a client may be registered for (GP practices, VCS organisations, local
   * authorities, PCNs and other referrers), by name.
   */
  @Transactional(readOnly = true)
  public List<Organisation> organisations() {
    access.require(
        Permission.ADMINISTER_ORGANISATIONS, AuditLog.DEPLOYMENT, "fhir_client", null, null);
    return identity.organisations().stream()
        .filter(o -> roleFor(o.type()).isPresent())
        .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /**
   * One registered client, enabled or not.
   *
   * @throws RecordNotFoundException if there is no such client
   */
  @Transactional(readOnly = true)
  public FhirClient client(UUID id) {
    FhirClient c = store.find(id).orElseThrow(() -> new RecordNotFoundException("fhir_client"));
    access.require(
        Permission.ADMINISTER_ORGANISATIONS, c.organisationId(), "fhir_client", id, null);
    return c;
  }

  /**
   * The role a client acting for this kind of organisation has: a referrer for a GP practice, a
   * local authority or another referrer, a VCS coordinator for a VCS organisation, a service
   * manager for a PCN; empty for the kinds no client may act for.
   */
  public static Optional<Role> roleFor(OrganisationType type) {
    return Optional.ofNullable(
        switch (type) {
          case GP_PRACTICE, LOCAL_AUTHORITY, OTHER -> Role.REFERRER;
          case VCS -> Role.VCS_COORDINATOR;
          case PCN -> Role.SERVICE_MANAGER;
          default -> null;
        });
  }
}
