package org.waymark.demo;

import java.security.SecureRandom;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.platform.DatabaseMode;

/**
 * Loads the demo organisations, accounts and people once, on first start. On by default on the
 * embedded database, off on an external one; {@code WAYMARK_DEMO} overrides either way.
 */
@Component
@Order(100)
class DemoData implements ApplicationRunner {

  static final String DOMAIN = "demo.waymark.test";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentityManagement identity;
  private final DatabaseMode database;
  private final TransactionTemplate transactions;
  private final String enabled;
  private final String password;

  DemoData(
      IdentityManagement identity,
      DatabaseMode database,
      TransactionTemplate transactions,
      @Value("${waymark.demo.enabled:}") String enabled,
      @Value("${waymark.demo.password:}") String password) {
    this.identity = identity;
    this.database = database;
    this.transactions = transactions;
    this.enabled = enabled;
    this.password = password;
  }

  boolean wanted() {
    return StringUtils.hasText(enabled) ? Boolean.parseBoolean(enabled.trim()) : database.embedded();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!wanted()) {
      return;
    }
    if (identity.searchUsers("@" + DOMAIN).stream().anyMatch(u -> u.email().equals("admin@" + DOMAIN))) {
      return; // loaded on an earlier start
    }
    boolean generated = !StringUtils.hasText(password);
    String pw = generated ? generatePassword() : password;
    transactions.executeWithoutResult(status -> load(pw));
    if (generated) {
      log.warn(
          "Demo data loaded. The demo accounts' password (shown once; set WAYMARK_DEMO_PASSWORD to choose it): {}", pw);
    } else {
      log.info("Demo data loaded; demo accounts use WAYMARK_DEMO_PASSWORD.");
    }
  }

  private void load(String pw) {
    Organisation leedsPcn = identity.createOrganisation(OrganisationType.PCN, "Aire Valley PCN", "U12345", null, "LS1 4AP");
    identity.createOrganisation(OrganisationType.GP_PRACTICE, "Kirkgate Surgery", "B86001", leedsPcn.id(), "LS1 6BP");
    identity.createOrganisation(OrganisationType.GP_PRACTICE, "Riverside Medical Practice", "B86002", leedsPcn.id(), "LS2 7EY");
    Organisation otherPcn = identity.createOrganisation(OrganisationType.PCN, "Moorland PCN", "U67890", null, "BD1 1HY");
    Organisation hillside =
        identity.createOrganisation(OrganisationType.GP_PRACTICE, "Hillside Health Centre", "B83001", otherPcn.id(), "BD3 9DA");
    identity.createOrganisation(OrganisationType.GP_PRACTICE, "Canal Road Surgery", "B83002", otherPcn.id(), "BD2 1AB");
    Organisation vcs = identity.createOrganisation(OrganisationType.VCS, "Good Neighbours Befriending", null, null, "LS6 1AA");
    identity.createOrganisation(OrganisationType.VCS, "Money Matters Advice", null, null, "LS9 8AB");
    identity.createOrganisation(OrganisationType.VCS, "Walk and Talk Leeds", null, null, "LS11 5AA");
    identity.createOrganisation(OrganisationType.LOCAL_AUTHORITY, "Aire Valley Council", null, null, null);
    Organisation icb = identity.createOrganisation(OrganisationType.ICB, "West Riding ICB", "QWO", null, null);
    Organisation university = identity.createOrganisation(OrganisationType.UNIVERSITY, "University of the Dales", null, null, null);

    account("admin", "Ada Administrator", pw, new UUID(0, 0), Role.ADMINISTRATOR);
    account("manager", "Maya Manager", pw, leedsPcn.id(), Role.SERVICE_MANAGER);
    UserAccount linkWorker = account("linkworker", "Lee Linkworker", pw, leedsPcn.id(), Role.LINK_WORKER);
    identity.addMembership(linkWorker.id(), otherPcn.id(), Role.LINK_WORKER);
    account("referrer", "Dr Rhea Referrer", pw, hillside.id(), Role.REFERRER);
    account("vcs", "Val Coordinator", pw, vcs.id(), Role.VCS_COORDINATOR);
    account("commissioner", "Cam Commissioner", pw, icb.id(), Role.COMMISSIONER);
    account("researcher", "Rory Researcher", pw, university.id(), Role.RESEARCHER);
  }

  private UserAccount account(String local, String name, String pw, UUID org, Role role) {
    UserAccount user = identity.createUser(local + "@" + DOMAIN, name, pw);
    identity.addMembership(user.id(), org, role);
    return user;
  }

  private static String generatePassword() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0 && i % 5 == 0) {
        b.append('-');
      }
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
