package org.waymark.connection;

import java.util.List;

/**
 * Exactly what an onward referral shares with the service: the minimum it needs, and nothing else
 * about the person. The link worker sees this before sending; the service sees this and only this.
 *
 * @param name the person's name as they like to be called
 * @param contact how to contact them, for example 'Mobile 07700 900101 (weekday mornings)'
 * @param needs the needs the referral is for, as labels
 * @param whatMatters what matters to the person, in their words; may be null
 * @param mustKnow anything the service must know (access, language, risks); may be null
 * @param consent the consent given, for example 'Agreed on 3 March 2026 that these details are
 *     shared with Good Neighbours Befriending'
 */
public record SharedDetails(
    String name,
    String contact,
    List<String> needs,
    String whatMatters,
    String mustKnow,
    String consent) {

  public SharedDetails {
    needs = List.copyOf(needs);
  }
}
