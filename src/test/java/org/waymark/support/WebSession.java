package org.waymark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP session against the running application: keeps cookies, does not follow
 * redirects (so tests see them), and fills in the CSRF token on forms as a browser would.
 */
public final class WebSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();

  public WebSession(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends X-Forwarded-For with every request (only honoured where the app is told to trust it). */
  public WebSession from(String address) {
    return header("X-Forwarded-For", address);
  }

  /** Sends this header with every request. */
  public WebSession header(String name, String value) {
    extraHeaders.put(name, value);
    return this;
  }

  /** Uses another session's cookie, as someone who copied it would. */
  public WebSession withSessionCookie(String value) {
    HttpCookie cookie = new HttpCookie("WAYMARK_SESSION", value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(base), cookie);
    return this;
  }

  /** A response, with the body parsed as HTML. */
  public record Page(int status, Map<String, java.util.List<String>> headers, String body) {
    public Document document() {
      return Jsoup.parse(body);
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public String location() {
      return header("Location").orElse(null);
    }

    public String h1() {
      Element h1 = document().selectFirst("h1");
      return h1 == null ? null : h1.text();
    }
  }

  public Page get(String path) {
    return send(request(path).GET().build());
  }

  /** Posts a form with the session's CSRF token added. */
  public Page post(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.putIfAbsent("_csrf", csrfToken());
    return postRaw(path, withToken);
  }

  /**
   * Posts a form whose fields may repeat (as ticked checkboxes do), with the session's CSRF token
   * added.
   */
  public Page postAll(String path, java.util.List<Map.Entry<String, String>> fields) {
    String body =
        java.util.stream.Stream.concat(
                fields.stream(), java.util.stream.Stream.of(Map.entry("_csrf", csrfToken())))
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts a form exactly as given, without adding a CSRF token. */
  public Page postRaw(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Sends JSON (any method) to the API. */
  public Page json(String method, String path, String json) {
    HttpRequest.Builder b = request(path).header("Accept", "application/json");
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.header("X-CSRF-TOKEN", csrfToken());
    }
    return send(
        b.method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Signs in through the form; the answer is the redirect after sign-in. */
  public Page signIn(String email, String password) {
    Page login = get("/login");
    String token = login.document().selectFirst("input[name=_csrf]").attr("value");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", email);
    form.put("password", password);
    form.put("_csrf", token);
    return postRaw("/login", form);
  }

  /** Signs in as a demo account and fails loudly if that does not work. */
  public WebSession signedInAs(org.waymark.identity.Role role) {
    Page answer = signIn(DemoAccounts.email(role), DemoAccounts.PASSWORD);
    if (answer.status() != 302
        || answer.location() == null
        || answer.location().contains("/login")) {
      throw new IllegalStateException(
          "Demo sign-in failed for " + role + ": " + answer.status() + " " + answer.location());
    }
    return this;
  }

  public Page signOut() {
    return post("/logout", Map.of());
  }

  /** A valid CSRF token for this session, read from a page's form as a browser would see it. */
  public String csrfToken() {
    for (String path : new String[] {"/", "/login"}) {
      Page p = get(path);
      Element input = p.document().selectFirst("input[name=_csrf]");
      if (p.status() == 200 && input != null) {
        return input.attr("value");
      }
    }
    throw new IllegalStateException("No page with a CSRF token");
  }

  /** The session cookie's value, or null. */
  public String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("WAYMARK_SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    extraHeaders.forEach(b::header);
    return b;
  }

  /** Posts a file as a multipart form, as a browser's file upload does, with the CSRF token. */
  public Page postFile(String path, String field, String filename, String type, byte[] content) {
    return postFile(path, Map.of(), field, filename, type, content);
  }

  /** Posts a file with other form fields as a multipart form, with the CSRF token. */
  public Page postFile(
      String path,
      Map<String, String> fields,
      String field,
      String filename,
      String type,
      byte[] content) {
    String boundary = "----waymark" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    StringBuilder others = new StringBuilder();
    fields.forEach(
        (name, value) ->
            others
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n--")
                .append(boundary)
                .append("\r\n"));
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrfToken()
            + "\r\n--"
            + boundary
            + "\r\n"
            + others
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  private Page send(HttpRequest request) {
    try {
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
