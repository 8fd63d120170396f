package org.waymark.connection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The plain-language summary a person takes away: the services agreed with their link worker and
 * how to reach each. It holds no health details beyond the services' own names, so it can be
 * printed, emailed or texted to the person with their consent.
 *
 * @param personName how the person likes to be called
 * @param linkWorker the link worker's name
 * @param service the social prescribing service (the PCN's name)
 */
public record WhatWeAgreed(String personName, String linkWorker, String service, List<Item> items) {

  public WhatWeAgreed {
    items = List.copyOf(items);
  }

  /**
   * One service.
   *
   * @param next what happens next, for example 'We have asked them to contact you.'
   * @param contact how to reach it: phone numbers, email, website; may be empty
   */
  public record Item(String service, String next, List<String> contact) {
    public Item {
      contact = List.copyOf(contact);
    }
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The summary as plain text, for an email or a text message. */
  public String text() {
    return items.stream()
        .map(
            i ->
                i.service()
                    + "\n"
                    + i.next()
                    + (i.contact().isEmpty() ? "" : "\n" + String.join("\n", i.contact())))
        .collect(Collectors.joining("\n\n"));
  }
}
