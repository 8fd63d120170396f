package org.waymark.casework;

import java.util.UUID;

/**
 * A link worker of a PCN and how much they hold there now, for choosing who takes a case.
 *
 * @param openCases open cases they hold
 * @param awaitingFirstContact of those, the ones without a first contact yet
 */
public record LinkWorkerLoad(UUID userId, String name, int openCases, int awaitingFirstContact) {}
