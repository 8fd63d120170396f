package org.waymark.fhir.internal;

/** A provider of system-level operations (a transaction), as opposed to one resource type's. */
interface FhirPlainProvider {}
