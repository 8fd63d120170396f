package org.waymark.casework.web;

import java.util.UUID;

/** One note as the notes list shows it; {@code enteredInError*} are null unless withdrawn. */
public record NoteRow(
    UUID id,
    String body,
    boolean sensitive,
    String author,
    String when,
    String isoWhen,
    String enteredInErrorWhen,
    String enteredInErrorBy,
    String enteredInErrorReason) {}
