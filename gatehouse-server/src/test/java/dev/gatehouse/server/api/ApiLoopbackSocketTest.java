package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.account.AccountService;
import dev.gatehouse.server.api.ApiFixture.Tenant;
import dev.gatehouse.server.token.ApiTokenService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API against a real server from real loopback source addresses: the client IP is the TCP peer,
 * forged forwarding headers change nothing, and oversized bodies are refused whether or not they
 * declare their length.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiLoopbackSocketTest {

  static final String ADMIN_HOST = "127.0.0.2";
  static final String OTHER_HOST = "127.0.0.3";

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired ApiTokenService tokens;

  Tenant acme;
  LoopbackHttpClient admin;
  LoopbackHttpClient stranger;

  @BeforeEach
  void createTenant() {
    acme = new ApiFixture(accounts, tokens).tenant();
    admin = new LoopbackHttpClient(ADMIN_HOST, port);
    stranger = new LoopbackHttpClient(OTHER_HOST, port);
  }

  String auth(String token) {
    return "Authorization: Bearer " + token + "\r\n";
  }

  LoopbackHttpClient.Response json(
      LoopbackHttpClient client, String method, String path, String body) throws Exception {
    return client.send(
        method,
        path,
        auth(acme.adminToken()) + "Content-Type: application/json\r\n",
        body.getBytes(StandardCharsets.UTF_8),
        false);
  }

  void restrictToAdminHost() throws Exception {
    assertThat(
            json(admin, "POST", acme.entries(), "{\"addresses\":\"" + ADMIN_HOST + "\"}").status())
        .isEqualTo(201);
    assertThat(json(admin, "PATCH", acme.allowlist(), "{\"enabled\":true}").status())
        .isEqualTo(200);
  }

  @Test
  void whoamiReportsTheSocketPeerAsClientIp() throws Exception {
    var response = stranger.get("/api/v1/whoami", auth(acme.memberToken()));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"clientIp\":\"127.0.0.3\"");
  }

  @Test
  void restrictedAccountRefusesOtherLoopbackAddressAndAllowsListedOne() throws Exception {
    restrictToAdminHost();

    var refused = stranger.get(acme.allowlist(), auth(acme.adminToken()));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.body())
        .contains("\"code\":\"ip_not_allowed\"")
        .contains("\"clientIp\":\"127.0.0.3\"");

    var allowed = admin.get(acme.allowlist(), auth(acme.memberToken()));
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.body()).contains("\"enabled\":true").contains("\"value\":\"127.0.0.2\"");
  }

  @Test
  void forgedForwardingHeadersFromUntrustedPeerAreIgnored() throws Exception {
    restrictToAdminHost();
    var forged =
        stranger.get(
            "/api/v1/whoami",
            auth(acme.adminToken())
                + "X-Forwarded-For: 127.0.0.2\r\n"
                + "Forwarded: for=127.0.0.2\r\n"
                + "X-Real-IP: 127.0.0.2\r\n");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("\"clientIp\":\"127.0.0.3\"");
  }

  @Test
  void lockoutIsJudgedByTheCallersOwnSocketAddress() throws Exception {
    assertThat(
            json(admin, "POST", acme.entries(), "{\"addresses\":\"" + OTHER_HOST + "\"}").status())
        .isEqualTo(201);
    var response = json(admin, "PATCH", acme.allowlist(), "{\"enabled\":true}");
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body()).contains("\"code\":\"lockout\"").contains("127.0.0.2");
  }

  @Test
  void temporaryEntryStopsAllowingAtItsExpiryInRealTime() throws Exception {
    Instant expiresAt = Instant.now().plusMillis(1500);
    assertThat(
            json(
                    admin,
                    "POST",
                    acme.entries(),
                    "{\"addresses\":\"" + OTHER_HOST + "\",\"expiresAt\":\"" + expiresAt + "\"}")
                .status())
        .isEqualTo(201);
    restrictToAdminHost();
    assertThat(stranger.get("/api/v1/whoami", auth(acme.memberToken())).status()).isEqualTo(200);

    // Poll (no fixed sleep): every request sent after the expiry instant must be refused.
    int status = 200;
    while (status == 200) {
      Thread.sleep(100);
      Instant sent = Instant.now();
      status = stranger.get("/api/v1/whoami", auth(acme.memberToken())).status();
      if (status == 200) {
        assertThat(sent).as("allowed although sent after expiry").isBefore(expiresAt);
      }
    }
    assertThat(status).isEqualTo(403);
  }

  @Test
  void chunkedBodyOver64KibThen413() throws Exception {
    byte[] body =
        ("{\"addresses\":\"192.0.2.1\",\"label\":\"" + "y".repeat(80 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    var response =
        admin.send(
            "POST",
            acme.entries(),
            auth(acme.adminToken()) + "Content-Type: application/json\r\n",
            body,
            true);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
  }

  @Test
  void declaredBodyOver64KibThen413() throws Exception {
    byte[] body =
        ("{\"addresses\":\"" + " ".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    var response =
        admin.send(
            "POST",
            acme.entries(),
            auth(acme.adminToken()) + "Content-Type: application/json\r\n",
            body,
            false);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
  }
}
