package org.waymark.outcome;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * What a browser holds after exchanging a self-completion link: the one link (and so the one
 * questionnaire) it may answer, until a short time after opening. It is not a sign-in and opens
 * nothing else in Waymark.
 *
 * @param until the end of the session; every use is checked against it
 */
public record SelfCompletionSession(UUID linkId, UUID organisationId, Instant until)
    implements Serializable {}
