package org.waymark.identity;

import static org.waymark.identity.Role.ADMINISTRATOR;
import static org.waymark.identity.Role.COMMISSIONER;
import static org.waymark.identity.Role.LINK_WORKER;
import static org.waymark.identity.Role.REFERRER;
import static org.waymark.identity.Role.RESEARCHER;
import static org.waymark.identity.Role.SERVICE_MANAGER;
import static org.waymark.identity.Role.VCS_COORDINATOR;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do. Every web endpoint names one permission ({@link RequiresPermission}); records
 * add a relationship check on top ({@link AccessPolicy#require}). This table is the role half of
 * every access decision.
 */
public enum Permission {
  /** Pages every signed-in user has: home, choosing an organisation. */
  SIGNED_IN(EnumSet.allOf(Role.class)),
  ADMINISTER_ORGANISATIONS(EnumSet.of(ADMINISTRATOR)),
  ADMINISTER_USERS(EnumSet.of(ADMINISTRATOR)),
  READ_AUDIT_LOG(EnumSet.of(ADMINISTRATOR)),
  /** A person's access report, for a Caldicott guardian or a subject access request. */
  READ_PERSON_ACCESS_REPORT(EnumSet.of(ADMINISTRATOR)),
  READ_PERSON(EnumSet.of(LINK_WORKER, SERVICE_MANAGER)),
  WRITE_PERSON(EnumSet.of(LINK_WORKER, SERVICE_MANAGER)),
  /** Search the community service directory and read its listings. */
  SEARCH_DIRECTORY(
      EnumSet.of(LINK_WORKER, SERVICE_MANAGER, REFERRER, VCS_COORDINATOR, ADMINISTRATOR)),
  /**
   * Edit a listing: VCS coordinators their own organisation's (relationship checked per listing),
   * curators any.
   */
  EDIT_DIRECTORY_LISTING(EnumSet.of(VCS_COORDINATOR, SERVICE_MANAGER, ADMINISTRATOR)),
  /** Curate the whole directory: confirm need domains, chase unverified listings. */
  CURATE_DIRECTORY(EnumSet.of(SERVICE_MANAGER, ADMINISTRATOR)),
  /** Import feeds, CSV packages, ORUK APIs and the postcode directory; read import reports. */
  IMPORT_DIRECTORY(EnumSet.of(ADMINISTRATOR)),
  /** Maintain the code lists (referral sources, needs, contact types, closure reasons). */
  MAINTAIN_CODE_LISTS(EnumSet.of(ADMINISTRATOR)),
  /** Change the texts of the notifications Waymark sends and switch their channels on or off. */
  MAINTAIN_NOTIFICATION_TEMPLATES(EnumSet.of(ADMINISTRATOR)),
  /** Build questionnaires (outcome instruments) as drafts and publish them as new versions. */
  MAINTAIN_INSTRUMENTS(EnumSet.of(ADMINISTRATOR)),
  /**
   * Refer a person to the social prescribing service: referrers, and staff recording a referral
   * received by phone or letter.
   */
  MAKE_REFERRAL(EnumSet.of(REFERRER, LINK_WORKER, SERVICE_MANAGER)),
  /** A referrer's own referrals, their status and discharge summaries (never case notes). */
  READ_OWN_REFERRALS(EnumSet.of(REFERRER)),
  /**
   * One referral's page: its status, history and discharge summary (never case notes). The role
   * half only: a referrer reads the referrals they made, link workers and managers those their PCN
   * received (checked per referral).
   */
  READ_REFERRAL(EnumSet.of(REFERRER, LINK_WORKER, SERVICE_MANAGER)),
  /** Import referrals from a CSV file. */
  IMPORT_REFERRALS(EnumSet.of(SERVICE_MANAGER)),
  /** The triage queue: accept and allocate, decline, ask for more information; merge people. */
  TRIAGE_REFERRALS(EnumSet.of(SERVICE_MANAGER)),
  /** Read cases: a link worker their caseload (relationship checked per case), a manager all. */
  READ_CASEWORK(EnumSet.of(LINK_WORKER, SERVICE_MANAGER)),
  /** Record contacts, assessments, plans and notes; close a case. */
  WRITE_CASEWORK(EnumSet.of(LINK_WORKER, SERVICE_MANAGER)),
  /** Move a case to another link worker; change the service's casework settings. */
  MANAGE_CASEWORK(EnumSet.of(SERVICE_MANAGER)),
  /**
   * Answer onward referrals sent to the services the user's organisation holds: accept or decline,
   * record attendance and completion (relationship checked per referral).
   */
  ANSWER_CONNECTIONS(EnumSet.of(VCS_COORDINATOR)),
  /**
   * Work on research studies: start one for the organisation the user acts for, and reach those
   * they are a member of (relationship checked per study; identities only for data managers).
   */
  RESEARCH(EnumSet.of(RESEARCHER)),
  /** The service dashboards of the PCN the user acts for, with true counts. */
  VIEW_SERVICE_REPORTS(EnumSet.of(LINK_WORKER, SERVICE_MANAGER)),
  /**
   * The dashboards of the PCNs the commissioning organisation the user acts for commissions:
   * aggregates only, small numbers suppressed.
   */
  VIEW_COMMISSIONER_REPORTS(EnumSet.of(COMMISSIONER)),
  /** The figures of the referrals to the VCS organisation the user acts for. */
  VIEW_VCS_REPORTS(EnumSet.of(VCS_COORDINATOR)),
  /**
   * Reporting's reference data (deprivation deciles, practice populations), which PCNs each
   * commissioner sees, and rebuilding the figures.
   */
  MAINTAIN_REPORTING(EnumSet.of(ADMINISTRATOR));

  private final Set<Role> roles;

  Permission(Set<Role> roles) {
    this.roles = Set.copyOf(roles);
  }

  /** The roles that hold this permission. */
  public Set<Role> roles() {
    return roles;
  }

  public boolean grantedTo(Role role) {
    return roles.contains(role);
  }
}
