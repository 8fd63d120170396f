package org.waymark.outcome;

import java.util.Map;

/**
 * The questionnaire a person answers through a link, as their page shows it.
 *
 * @param answers the answers saved so far (item id to value); empty at first
 * @param service the name of the social prescribing service that sent it
 * @param submitted whether the answers have been sent already
 */
public record SelfCompletionForm(
    Instrument instrument, Map<String, String> answers, String service, boolean submitted) {

  public SelfCompletionForm {
    answers = Map.copyOf(answers);
  }
}
