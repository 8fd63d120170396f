package org.waymark.directory.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class ContactFieldsTests {

  @Test
  void mendsAnEmailAddressWithATrailingFullStopAndSaysSo() {
    List<String> notes = new ArrayList<>();
    assertThat(ContactFields.email("young.voice@northlincs.gov.uk.", notes))
        .isEqualTo("young.voice@northlincs.gov.uk");
    assertThat(notes).singleElement().asString().contains("mended");
  }

  @Test
  void leavesOutWhatIsNotAnEmailAddress() {
    List<String> notes = new ArrayList<>();
    assertThat(ContactFields.email("call us on 0117 496 0000", notes)).isNull();
    assertThat(ContactFields.email("  ", notes)).isNull();
    assertThat(notes).singleElement().asString().contains("left out");
  }

  @Test
  void keepsAGoodAddressAsItIs() {
    List<String> notes = new ArrayList<>();
    assertThat(ContactFields.email("mailto:hello@example.org", notes))
        .isEqualTo("hello@example.org");
    assertThat(ContactFields.email("hello@example.org", null)).isEqualTo("hello@example.org");
  }

  @Test
  void givesNestedRecordsStableUuidIds() {
    ArrayNode first = Json.array();
    ObjectNode address = first.addObject();
    address.put("id", "addr-armley-centre");
    ObjectNode contact = first.addObject();
    contact.putArray("phones").addObject().put("number", "0113 496 0000");
    ArrayNode second = Json.array();
    second.addObject().put("id", "addr-armley-centre");

    Json.withUuidIds(first, "location-1/addresses");
    Json.withUuidIds(second, "location-1/addresses");

    assertThat(first.get(0).get("id").asString()).matches("[0-9a-f-]{36}");
    assertThat(first.get(0).get("id")).isEqualTo(second.get(0).get("id"));
    assertThat(first.get(1).get("phones").get(0).get("id").asString()).matches("[0-9a-f-]{36}");
  }
}
