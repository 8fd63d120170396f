package org.waymark.fhir;

/**
 * A newly registered client with its secret, which is shown this once and stored only as a hash.
 */
public record FhirClientRegistration(FhirClient client, String clientSecret) {}
