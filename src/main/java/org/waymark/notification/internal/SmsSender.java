package org.waymark.notification.internal;

import java.util.Optional;
import java.util.UUID;

/** Hands a text message to a provider. */
public interface SmsSender {

  /**
   * Sends a text. Never throws: the result says what happened.
   *
   * @param reference the outbox id, kept by the provider so a repeat can be recognised
   */
  DeliveryResult send(String phoneNumber, String body, UUID reference);

  /**
   * The provider's id of a message it already accepted with this reference, if any: asked before a
   * message that was attempted before is sent again.
   *
   * @throws RuntimeException if the provider cannot be asked now (the message is tried later)
   */
  Optional<String> alreadySent(UUID reference);

  /** Used when no provider is configured. */
  SmsSender NONE =
      new SmsSender() {
        @Override
        public DeliveryResult send(String phoneNumber, String body, UUID reference) {
          return DeliveryResult.skipped("no SMS provider configured");
        }

        @Override
        public Optional<String> alreadySent(UUID reference) {
          return Optional.empty();
        }
      };
}
