package org.waymark.directory.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.ListingDetails;
import org.waymark.directory.ReferralMethod;
import org.waymark.directory.internal.curation.ListingRules;

class DirectoryCurationRulesTests {

  @Test
  void plainTextBecomesEscapedParagraphsAndComesBackUnchanged() {
    String typed = "Tea & <b>cake</b>\nevery Tuesday\n\n\n  \"Come along\"  ";

    String html = ListingRules.toHtml(typed);

    assertThat(html)
        .isEqualTo(
            "<p>Tea &amp; &lt;b&gt;cake&lt;/b&gt;<br>every Tuesday</p><p>&quot;Come along&quot;</p>");
    assertThat(ListingRules.toPlainText(html))
        .isEqualTo("Tea & <b>cake</b>\nevery Tuesday\n\n\"Come along\"");
  }

  @Test
  void importedMarkupIsReadAsPlainText() {
    assertThat(
            ListingRules.toPlainText(
                "<p>Advice on&nbsp;debt</p><ul><li>Benefits</li></ul><p><br></p>"))
        .isEqualTo("Advice on debt\n\n- Benefits");
    assertThat(ListingRules.toPlainText("<p><br></p>")).isEmpty();
  }

  @Test
  void theReferralMethodDecidesWhichReferralAddressIsRequired() {
    ListingDetails byEmail =
        ListingDetails.named("Debt advice", null)
            .withReferrals(AcceptingReferrals.YES, ReferralMethod.EMAIL, null, null, null, 10);
    ListingDetails byForm =
        ListingDetails.named("Debt advice", null)
            .withReferrals(
                AcceptingReferrals.YES,
                ReferralMethod.EXTERNAL_FORM,
                null,
                "ftp://x.org",
                null,
                10);

    assertThat(ListingRules.problems(ListingRules.normalise(byEmail)))
        .extracting(p -> p.messageKey())
        .containsExactly("directory.curation.referralEmail.required");
    assertThat(ListingRules.problems(ListingRules.normalise(byForm)))
        .extracting(p -> p.messageKey())
        .containsExactly("directory.curation.referralFormUrl.invalid");
  }

  @Test
  void agesMustBeInOrderAndPhonesLookLikePhoneNumbers() {
    ListingDetails details =
        ListingDetails.named("Youth club", null)
            .withEligibility(null, null, 18, 11)
            .withContact(null, "not-an-email", List.of("0113 496 0000", "call us"));

    assertThat(ListingRules.problems(ListingRules.normalise(details)))
        .extracting(p -> p.field())
        .containsExactly("email", "phones", "maximumAge");
  }

  @Test
  void differencesNameEachChangedFieldWithItsOldAndNewValue() {
    ListingDetails before = ListingDetails.named("Choir", "Sing with us");
    ListingDetails after =
        ListingDetails.named("Choir", "Sing with us")
            .withReferrals(AcceptingReferrals.PAUSED, ReferralMethod.SIGNPOST, null, null, 4, 10);

    assertThat(ListingRules.differences(before, after))
        .containsExactly(
            java.util.Map.entry("acceptingReferrals", ListingRules.pair("YES", "PAUSED")),
            java.util.Map.entry("capacity", ListingRules.pair(null, "4")));
  }
}
