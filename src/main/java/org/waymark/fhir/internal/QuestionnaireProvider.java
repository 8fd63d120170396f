package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.springframework.stereotype.Component;
import org.waymark.outcome.AnswerOption;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentItem;
import org.waymark.outcome.InstrumentVersion;
import org.waymark.outcome.Instruments;

/**
 * Questionnaire: the outcome instruments Waymark gives (ONS4, SWEMWBS, loneliness and those
 * administrators build), every published version. Published information, about nobody. The id is
 * the instrument's code and version, for example {@code swemwbs-1}.
 */
@Component
class QuestionnaireProvider implements IResourceProvider {

  private final Instruments instruments;

  QuestionnaireProvider(Instruments instruments) {
    this.instruments = instruments;
  }

  @Override
  public Class<Questionnaire> getResourceType() {
    return Questionnaire.class;
  }

  @Read
  public Questionnaire read(@IdParam IdType id) {
    return instruments.versions().stream()
        .filter(v -> id(v.code(), v.version()).equals(id.getIdPart()))
        .findFirst()
        .flatMap(
            v -> instruments.find(v.code(), v.version()).map(i -> resource(i, v.publishedAt())))
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  /** The newest version of each instrument. */
  @Search
  public List<Questionnaire> current() {
    List<InstrumentVersion> versions = instruments.versions();
    return instruments.current().stream()
        .map(
            i ->
                resource(
                    i,
                    versions.stream()
                        .filter(v -> v.code().equals(i.code()) && v.version() == i.version())
                        .map(InstrumentVersion::publishedAt)
                        .findFirst()
                        .orElse(null)))
        .toList();
  }

  static String id(String code, int version) {
    return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-") + "-" + version;
  }

  static Questionnaire resource(Instrument i, Instant publishedAt) {
    Questionnaire q = new Questionnaire();
    q.setId(id(i.code(), i.version()));
    q.setUrl(Fhir.WAYMARK + "Questionnaire/" + i.code());
    q.setVersion(Integer.toString(i.version()));
    q.setName(i.code().replaceAll("[^A-Za-z0-9_]", "_"));
    q.setTitle(i.title());
    q.setStatus(PublicationStatus.ACTIVE);
    q.addSubjectType("Patient");
    if (publishedAt != null) {
      q.setDate(Date.from(publishedAt));
      q.getMeta().setLastUpdated(Date.from(publishedAt));
    }
    if (i.instructions() != null) {
      q.setDescription(i.instructions());
    }
    if (i.licence() != null) {
      q.setCopyright(i.licence());
    }
    String answers = Fhir.WAYMARK + "CodeSystem/" + i.code().toLowerCase(Locale.ROOT);
    for (InstrumentItem item : i.items()) {
      Questionnaire.QuestionnaireItemComponent qi = q.addItem();
      qi.setLinkId(item.id());
      qi.setText(item.text());
      qi.setRequired(item.required());
      switch (item.type()) {
        case SCALE, NUMBER -> qi.setType(QuestionnaireItemType.INTEGER);
        case DATE -> qi.setType(QuestionnaireItemType.DATE);
        case FREE_TEXT -> qi.setType(QuestionnaireItemType.TEXT);
        case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
          qi.setType(QuestionnaireItemType.CHOICE);
          qi.setRepeats(item.type() == org.waymark.outcome.ItemType.MULTIPLE_CHOICE);
          for (AnswerOption option : item.options()) {
            qi.addAnswerOption().setValue(new Coding(answers, option.value(), option.label()));
          }
        }
      }
      if (item.type() == org.waymark.outcome.ItemType.SCALE
          && item.min() != null
          && item.max() != null) {
        String range =
            item.min()
                + (item.minLabel() == null ? "" : " (" + item.minLabel() + ")")
                + " to "
                + item.max()
                + (item.maxLabel() == null ? "" : " (" + item.maxLabel() + ")");
        qi.addItem()
            .setLinkId(item.id() + "-range")
            .setType(QuestionnaireItemType.DISPLAY)
            .setText("A whole number from " + range);
      }
    }
    return q;
  }
}
