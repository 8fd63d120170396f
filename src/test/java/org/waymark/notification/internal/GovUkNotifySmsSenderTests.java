package org.waymark.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GOV.UK Notify adapter against a local server that checks each request's token (signature,
 * issuer and issue time) and answers as Notify does.
 */
class GovUkNotifySmsSenderTests {

  static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
  static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
  static final String API_KEY = "waymark_test-" + SERVICE_ID + "-" + SECRET;
  static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";
  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  HttpServer server;
  final List<JsonNode> posted = new CopyOnWriteArrayList<>();
  final List<String> problems = new CopyOnWriteArrayList<>();
  volatile int smsStatus;
  volatile String smsAnswer;
  volatile String lookupAnswer = "{\"notifications\": []}";
  GovUkNotifySmsSender sender;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/notifications/sms", this::sms);
    server.createContext("/v2/notifications", this::lookup);
    server.start();
    sender =
        new GovUkNotifySmsSender(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            API_KEY,
            TEMPLATE_ID,
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void checkToken(HttpExchange exchange) {
    try {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      SignedJWT jwt = SignedJWT.parse(auth.substring("Bearer ".length()));
      if (!jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))) {
        problems.add("bad signature");
      }
      if (jwt.getHeader().getAlgorithm() != JWSAlgorithm.HS256
          || !JOSEObjectType.JWT.equals(jwt.getHeader().getType())) {
        problems.add("bad header " + jwt.getHeader());
      }
      if (!SERVICE_ID.equals(jwt.getJWTClaimsSet().getIssuer())) {
        problems.add("bad iss");
      }
      // The raw claim: whole seconds since the epoch, as Notify reads it.
      Object iat = jwt.getPayload().toJSONObject().get("iat");
      if (!(iat instanceof Number n) || n.longValue() != NOW.getEpochSecond()) {
        problems.add("bad iat " + iat);
      }
    } catch (Exception e) {
      problems.add("unreadable token: " + e);
    }
  }

  private void sms(HttpExchange exchange) throws IOException {
    checkToken(exchange);
    posted.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
    answer(exchange, smsStatus, smsAnswer);
  }

  private void lookup(HttpExchange exchange) throws IOException {
    checkToken(exchange);
    answer(exchange, 200, lookupAnswer);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void aTextAcceptedByNotifyIsSentWithItsIdAsTheReference() {
    UUID reference = UUID.randomUUID();
    smsStatus = 201;
    smsAnswer =
        "{\"id\": \"740e5834-3a29-46b4-9a6f-16142fde533a\", \"reference\": \""
            + reference
            + "\", \"content\": {\"body\": \"Hello\"}}";
    DeliveryResult result = sender.send("07700900123", "Hello Sam", reference);
    assertThat(result).isEqualTo(DeliveryResult.sent("740e5834-3a29-46b4-9a6f-16142fde533a"));
    assertThat(problems).isEmpty();
    JsonNode body = posted.get(0);
    assertThat(body.path("phone_number").asString()).isEqualTo("07700900123");
    assertThat(body.path("template_id").asString()).isEqualTo(TEMPLATE_ID);
    assertThat(body.path("personalisation").path("body").asString()).isEqualTo("Hello Sam");
    assertThat(body.path("reference").asString()).isEqualTo(reference.toString());
  }

  @Test
  void aBadRequestOrForbiddenIsRefusedForGoodWithNotifysMessage() {
    smsStatus = 400;
    smsAnswer =
        "{\"status_code\": 400, \"errors\": [{\"error\": \"ValidationError\","
            + " \"message\": \"phone_number Not a UK mobile number\"}]}";
    DeliveryResult bad = sender.send("0123", "Hello", UUID.randomUUID());
    assertThat(bad.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
    assertThat(bad.error()).contains("400").contains("phone_number Not a UK mobile number");

    smsStatus = 403;
    smsAnswer =
        "{\"status_code\": 403, \"errors\": [{\"error\": \"AuthError\","
            + " \"message\": \"Invalid token: API key not found\"}]}";
    DeliveryResult forbidden = sender.send("07700900123", "Hello", UUID.randomUUID());
    assertThat(forbidden.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
    assertThat(forbidden.error()).contains("Invalid token: API key not found");
  }

  @Test
  void tooManyRequestsAndServerErrorsAreTriedAgain() {
    smsStatus = 429;
    smsAnswer =
        "{\"status_code\": 429, \"errors\": [{\"error\": \"RateLimitError\","
            + " \"message\": \"Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds\"}]}";
    assertThat(sender.send("07700900123", "Hello", UUID.randomUUID()).outcome())
        .isEqualTo(DeliveryResult.Outcome.RETRY);
    smsStatus = 500;
    smsAnswer =
        "{\"status_code\": 500, \"errors\": [{\"error\": \"Exception\", \"message\": \"Internal server error\"}]}";
    DeliveryResult error = sender.send("07700900123", "Hello", UUID.randomUUID());
    assertThat(error.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(error.error()).contains("Internal server error");
  }

  @Test
  void anUnreachableNotifyIsTriedAgain() {
    server.stop(0);
    assertThat(sender.send("07700900123", "Hello", UUID.randomUUID()).outcome())
        .isEqualTo(DeliveryResult.Outcome.RETRY);
  }

  @Test
  void notifyIsAskedByReferenceWhetherItAlreadyHasAMessage() {
    UUID reference = UUID.randomUUID();
    assertThat(sender.alreadySent(reference)).isEmpty();
    lookupAnswer =
        "{\"notifications\": [{\"id\": \"0cbf1d2b-5bd3-4a5e-a1a4-b2f2b0f5a1f4\", \"reference\": \""
            + reference
            + "\", \"status\": \"delivered\", \"type\": \"sms\"}], \"links\": {}}";
    assertThat(sender.alreadySent(reference))
        .isEqualTo(Optional.of("0cbf1d2b-5bd3-4a5e-a1a4-b2f2b0f5a1f4"));
    assertThat(problems).isEmpty();
  }

  @Test
  void aMessageAttemptedBeforeIsNotSentAgainWhenNotifyAlreadyHasIt() {
    UUID id = UUID.randomUUID();
    lookupAnswer =
        "{\"notifications\": [{\"id\": \"0cbf1d2b-5bd3-4a5e-a1a4-b2f2b0f5a1f4\", \"reference\": \""
            + id
            + "\"}]}";
    smsStatus = 500;
    smsAnswer = "{}";
    OutboxMessage second =
        new OutboxMessage(
            UUID.randomUUID(),
            id,
            org.waymark.notification.Channel.SMS,
            org.waymark.notification.NotificationTemplate.WHAT_WE_AGREED,
            null,
            UUID.randomUUID(),
            "07700900123",
            null,
            "Hello",
            org.waymark.notification.OutboxStatus.SENDING,
            2,
            NOW,
            NOW.plusSeconds(120),
            null,
            null);
    OutboxStore store = org.mockito.Mockito.mock(OutboxStore.class);
    org.mockito.Mockito.when(store.markSent(second, "0cbf1d2b-5bd3-4a5e-a1a4-b2f2b0f5a1f4", NOW))
        .thenReturn(true);
    new OutboxDispatcher(
            store,
            org.mockito.Mockito.mock(
                org.springframework.transaction.PlatformTransactionManager.class),
            EmailSender.NONE,
            sender,
            java.time.Duration.ofMinutes(2),
            8,
            Clock.fixed(NOW, ZoneOffset.UTC))
        .send(second, NOW);
    org.mockito.Mockito.verify(store).markSent(second, "0cbf1d2b-5bd3-4a5e-a1a4-b2f2b0f5a1f4", NOW);
    assertThat(posted).as("nothing sent again").isEmpty();
  }

  @Test
  void anApiKeyThatIsNotOneIsRefusedAtStartUp() {
    assertThatThrownBy(
            () -> new GovUkNotifySmsSender("http://x", "short", TEMPLATE_ID, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
