package org.waymark.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.fhir.FhirClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.NewReferral;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;

/**
 * Reads a referral from a GP system's ServiceRequest for social prescribing, with its Patient (in
 * the same transaction Bundle, or contained), the Consent it rests on and who referred (a
 * PractitionerRole or Practitioner, contained or in the Bundle). Every problem found is reported at
 * once; the referral module's own rules are checked after this, by the caller.
 */
@Component
class InboundReferrals {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final CodeLists codeLists;
  private final IdentityManagement identity;

  InboundReferrals(CodeLists codeLists, IdentityManagement identity) {
    this.codeLists = codeLists;
    this.identity = identity;
  }

  /** What was read: the referral, and the key that makes a retry safe. */
  record Read(
      NewReferral referral,
      String idempotencyKey,
      String requestHash,
      String identifierSystem,
      String identifierValue) {}

  /**
   * @param resolve finds a referenced resource (contained or in the Bundle); null if absent
   * @throws FhirInputException naming each problem
   */
  Read read(ServiceRequest sr, Function<Reference, Resource> resolve, FhirClient client) {
    List<FhirErrors.Problem> problems = new ArrayList<>();
    if (sr.getStatus() != ServiceRequest.ServiceRequestStatus.ACTIVE) {
      problems.add(problem("ServiceRequest.status", "A new referral has the status active."));
    }
    if (sr.getIntent() != ServiceRequest.ServiceRequestIntent.ORDER) {
      problems.add(problem("ServiceRequest.intent", "A referral has the intent order."));
    }
    boolean socialPrescribing =
        sr.getCode().getCoding().stream()
            .anyMatch(
                c ->
                    Fhir.SNOMED.equals(c.getSystem())
                        && Fhir.SOCIAL_PRESCRIBING_REFERRAL.equals(c.getCode()));
    if (!socialPrescribing) {
      problems.add(
          problem(
              "ServiceRequest.code",
              "The code must be SNOMED CT 871731000000106 Referral to social prescribing"
                  + " service."));
    }
    Identifier id =
        sr.getIdentifier().stream()
            .filter(i -> i.hasSystem() && i.hasValue())
            .findFirst()
            .orElse(null);
    if (id == null) {
      problems.add(
          problem(
              "ServiceRequest.identifier",
              "The referring system's own identifier (system and value) is required, so that a"
                  + " retry never makes a second referral."));
    }
    Patient patient = resolve.apply(sr.getSubject()) instanceof Patient p ? p : null;
    if (patient == null) {
      problems.add(
          problem(
              "ServiceRequest.subject",
              "The subject must be the Patient, contained or in the same transaction Bundle."));
    }
    boolean consent = false;
    for (Reference info : sr.getSupportingInfo()) {
      if (resolve.apply(info) instanceof Consent c
          && c.getStatus() == Consent.ConsentState.ACTIVE
          && (!c.hasProvision()
              || c.getProvision().getType() != Consent.ConsentProvisionType.DENY)) {
        consent = true;
      }
    }
    List<String> needs = new ArrayList<>();
    for (int i = 0; i < sr.getReasonCode().size(); i++) {
      Optional<String> need = need(sr.getReasonCode().get(i));
      if (need.isPresent()) {
        needs.add(need.get());
      } else {
        problems.add(
            problem(
                "ServiceRequest.reasonCode[" + i + "]",
                "Not a need Waymark knows: use a code of "
                    + Fhir.NEED_SYSTEM
                    + " or a SNOMED CT concept of the need list."));
      }
    }
    String reason =
        sr.getNote().stream()
            .map(n -> n.getText())
            .filter(t -> t != null && !t.isBlank())
            .collect(Collectors.joining("\n"));
    Urgency urgency =
        !sr.hasPriority() || sr.getPriority() == ServiceRequest.ServiceRequestPriority.ROUTINE
            ? Urgency.ROUTINE
            : Urgency.URGENT;
    Referrer referrer = referrer(sr.getRequester(), resolve, client);
    String source = referrer.source() != null ? referrer.source() : client.referralSource();
    if (source == null) {
      problems.add(
          problem(
              "ServiceRequest.requester",
              "Who referred is needed: a PractitionerRole whose code has a coding of "
                  + Fhir.REFERRAL_SOURCE_SYSTEM
                  + "."));
    }
    PersonDetails person = patient == null ? null : person(patient, problems);
    if (!problems.isEmpty()) {
      throw new FhirInputException(problems);
    }
    NewReferral referral =
        new NewReferral(
            person,
            source,
            needs,
            reason.isEmpty() ? null : reason,
            consent,
            // Consent to the referral covers being contacted about it by the service.
            consent,
            urgency,
            null,
            null,
            null,
            referrer.details(),
            null,
            sr.hasAuthoredOn() ? sr.getAuthoredOn().toInstant().atZone(UK).toLocalDate() : null);
    String key = id.getSystem() + "|" + id.getValue();
    if (key.length() > 200) {
      key = sha256(key);
    }
    return new Read(referral, key, sha256(referral.toString()), id.getSystem(), id.getValue());
  }

  private Optional<String> need(CodeableConcept concept) {
    for (Coding c : concept.getCoding()) {
      if (Fhir.NEED_SYSTEM.equals(c.getSystem())
          && c.getCode() != null
          && codeLists.isActive(CodeList.NEED, c.getCode())) {
        return Optional.of(c.getCode());
      }
      if (Fhir.SNOMED.equals(c.getSystem()) && c.getCode() != null) {
        Optional<String> bySnomed =
            codeLists.active(CodeList.NEED).stream()
                .filter(e -> c.getCode().equals(e.snomedCode()))
                .map(CodeEntry::code)
                .findFirst();
        if (bySnomed.isPresent()) {
          return bySnomed;
        }
      }
    }
    return Optional.empty();
  }

  private record Referrer(ReferrerDetails details, String source) {}

  private Referrer referrer(Reference ref, Function<Reference, Resource> resolve, FhirClient c) {
    String organisation =
        identity.organisation(c.organisationId()).map(Organisation::name).orElse(null);
    Resource who = ref == null || ref.isEmpty() ? null : resolve.apply(ref);
    Practitioner practitioner = null;
    String jobTitle = null;
    String source = null;
    List<ContactPoint> telecom = new ArrayList<>();
    if (who instanceof PractitionerRole role) {
      for (CodeableConcept code : role.getCode()) {
        for (Coding coding : code.getCoding()) {
          if (Fhir.REFERRAL_SOURCE_SYSTEM.equals(coding.getSystem())
              && codeLists.isActive(CodeList.REFERRAL_SOURCE, coding.getCode())) {
            source = coding.getCode();
          }
          if (jobTitle == null && coding.hasDisplay()) {
            jobTitle = coding.getDisplay();
          }
        }
        if (code.hasText()) {
          jobTitle = code.getText();
        }
      }
      telecom.addAll(role.getTelecom());
      if (resolve.apply(role.getPractitioner()) instanceof Practitioner p) {
        practitioner = p;
      }
    } else if (who instanceof Practitioner p) {
      practitioner = p;
    }
    String name = ref == null ? null : ref.getDisplay();
    if (practitioner != null) {
      telecom.addAll(practitioner.getTelecom());
      if (practitioner.hasName()) {
        name = practitioner.getNameFirstRep().getNameAsSingleString();
      }
    }
    String phone = contact(telecom, ContactPoint.ContactPointSystem.PHONE);
    String email = contact(telecom, ContactPoint.ContactPointSystem.EMAIL);
    return new Referrer(new ReferrerDetails(name, jobTitle, organisation, phone, email), source);
  }

  private static String contact(List<ContactPoint> telecom, ContactPoint.ContactPointSystem s) {
    return telecom.stream()
        .filter(t -> t.getSystem() == s && t.hasValue())
        .map(ContactPoint::getValue)
        .findFirst()
        .orElse(null);
  }

  private PersonDetails person(Patient patient, List<FhirErrors.Problem> problems) {
    String nhsNumber =
        patient.getIdentifier().stream()
            .filter(i -> Fhir.NHS_NUMBER.equals(i.getSystem()))
            .map(Identifier::getValue)
            .findFirst()
            .orElse(null);
    HumanName name =
        patient.getName().stream()
            .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
            .findFirst()
            .orElse(patient.getNameFirstRep());
    String given =
        name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining(" "));
    Sex sex =
        !patient.hasGender()
            ? Sex.NOT_KNOWN
            : switch (patient.getGender()) {
              case FEMALE -> Sex.FEMALE;
              case MALE -> Sex.MALE;
              default -> Sex.NOT_KNOWN;
            };
    LocalDate dateOfBirth =
        patient.hasBirthDate()
            ? LocalDate.parse(patient.getBirthDateElement().getValueAsString())
            : null;
    Address address =
        patient.getAddress().stream()
            .filter(a -> a.getUse() == Address.AddressUse.HOME)
            .findFirst()
            .orElse(patient.getAddressFirstRep());
    String phone = null;
    String mobile = null;
    String email = null;
    for (ContactPoint t : patient.getTelecom()) {
      if (t.getSystem() == ContactPoint.ContactPointSystem.PHONE) {
        if (t.getUse() == ContactPoint.ContactPointUse.MOBILE) {
          mobile = mobile == null ? t.getValue() : mobile;
        } else {
          phone = phone == null ? t.getValue() : phone;
        }
      } else if (t.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
        email = email == null ? t.getValue() : email;
      }
    }
    UUID practice = null;
    if (patient.hasGeneralPractitioner()) {
      Reference gp = patient.getGeneralPractitionerFirstRep();
      String ods =
          gp.hasIdentifier() && Fhir.ODS.equals(gp.getIdentifier().getSystem())
              ? gp.getIdentifier().getValue()
              : null;
      practice =
          ods == null
              ? null
              : identity.organisations(OrganisationType.GP_PRACTICE).stream()
                  .filter(o -> o.odsCode() != null && o.odsCode().equalsIgnoreCase(ods.strip()))
                  .map(Organisation::id)
                  .findFirst()
                  .orElse(null);
      if (practice == null) {
        problems.add(
            problem(
                "Patient.generalPractitioner",
                "The registered practice must be a GP practice known to Waymark, by its ODS code ("
                    + Fhir.ODS
                    + ")."));
      }
    }
    return PersonDetails.builder()
        .nhsNumber(nhsNumber)
        .name(given.isEmpty() ? null : given, name.getFamily())
        .dateOfBirth(dateOfBirth)
        .sex(sex)
        .address(
            address.getLine().size() > 0 ? address.getLine().get(0).getValue() : null,
            address.getLine().size() > 1 ? address.getLine().get(1).getValue() : null,
            address.getCity(),
            address.getPostalCode())
        .phone(phone, false)
        .mobile(mobile, false)
        .email(email, false)
        .registeredPracticeId(practice)
        .build();
  }

  private static FhirErrors.Problem problem(String expression, String text) {
    return new FhirErrors.Problem(expression, text);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
