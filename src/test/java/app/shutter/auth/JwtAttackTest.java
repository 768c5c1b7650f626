package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.ChatClient;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The attacks of RFC 8725 (JWT best current practices), each built by hand so that no library refuses to
 * build them: every one is a 401 problem on the REST API and a refused upgrade on the chat socket.
 */
@QuarkusTest
class JwtAttackTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @TestHTTPResource("/chat")
    URI chat;

    private static void refused(String token) {
        given().auth().oauth2(token).get("/users/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }

    private void refusedEverywhere(String token) throws Exception {
        refused(token);
        assertThat(ChatClient.refusal(URI.create(chat + "?token=" + token), Map.of())).isEqualTo(401);
    }

    /** The claims the server itself issues for this user, with {@code changes} on top. */
    private static String claims(TestUser user, Map<String, Object> changes) throws Exception {
        Map<String, Object> issued = JSON.readValue(Base64.getUrlDecoder().decode(user.accessToken().split("\\.")[1]),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        issued.putAll(changes);
        return JSON.writeValueAsString(issued);
    }

    private static String rs256(String header, String payload, PrivateKey key) throws Exception {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    private static String hs256(String header, String payload, byte[] secret) throws Exception {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void a_token_whose_claims_are_only_reused_is_accepted_so_each_refusal_below_is_the_attack() {
        TestUser user = TestUsers.create();
        given().auth().oauth2(user.accessToken()).get("/users/me").then().statusCode(200)
                .body("id", equalTo((int) user.id()));
    }

    @Test
    void alg_none_is_refused() throws Exception {
        TestUser user = TestUsers.create();
        for (String alg : new String[] {"none", "None", "NONE"}) {
            String header = B64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}")
                    .getBytes(StandardCharsets.UTF_8));
            refusedEverywhere(header + "." + B64.encodeToString(claims(user, Map.of()).getBytes(StandardCharsets.UTF_8))
                    + ".");
        }
    }

    @Test
    void hs256_signed_with_the_servers_public_key_is_refused() throws Exception {
        TestUser user = TestUsers.create();
        byte[] pem = Files.readAllBytes(Path.of("target/test-keys/public-key.pem"));
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        refusedEverywhere(hs256(header, claims(user, Map.of()), pem));
        String der = new String(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
        refusedEverywhere(hs256(header, claims(user, Map.of()), Base64.getDecoder().decode(der)));
    }

    @Test
    void keys_named_or_embedded_by_the_token_itself_are_not_trusted() throws Exception {
        TestUser user = TestUsers.create();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attacker = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) attacker.getPublic();
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + B64.encodeToString(unsigned(pub.getModulus()))
                + "\",\"e\":\"" + B64.encodeToString(unsigned(pub.getPublicExponent())) + "\"}";
        String payload = claims(user, Map.of());
        refusedEverywhere(rs256("{\"alg\":\"RS256\",\"jwk\":" + jwk + "}", payload, attacker.getPrivate()));
        refusedEverywhere(rs256("{\"alg\":\"RS256\",\"jku\":\"http://127.0.0.1:9/jwks.json\"}", payload,
                attacker.getPrivate()));
        refusedEverywhere(rs256("{\"alg\":\"RS256\",\"x5u\":\"http://127.0.0.1:9/cert.pem\"}", payload,
                attacker.getPrivate()));
        refusedEverywhere(rs256("{\"alg\":\"RS256\",\"kid\":\"../../../../dev/null\"}", payload,
                attacker.getPrivate()));
    }

    @Test
    void a_tampered_payload_is_refused() throws Exception {
        TestUser user = TestUsers.create();
        TestUser other = TestUsers.create();
        String[] parts = user.accessToken().split("\\.");
        String forged = claims(user, Map.of()).replace("\"sub\":\"" + user.id() + "\"", "\"sub\":\"" + other.id() + "\"");
        refusedEverywhere(parts[0] + "." + B64.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void expired_and_not_yet_valid_tokens_are_refused() throws Exception {
        TestUser user = TestUsers.create();
        PrivateKey key = serverKey();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        refusedEverywhere(rs256(header, claims(user, Map.of("exp", now - 5)), key));
        refusedEverywhere(rs256(header, claims(user, Map.of("nbf", now + 600)), key));
        // the same construction with valid times is accepted: the refusals above are about time only
        given().auth().oauth2(rs256(header, claims(user, Map.of("exp", now + 60)), key)).get("/users/me")
                .then().statusCode(200);
    }

    @Test
    void a_wrong_issuer_or_audience_is_refused() throws Exception {
        TestUser user = TestUsers.create();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        refusedEverywhere(rs256(header, claims(user, Map.of("iss", "https://evil.example")), serverKey()));
        refusedEverywhere(rs256(header, claims(user, Map.of("aud", "another-api")), serverKey()));
    }

    @Test
    void a_refresh_token_is_not_an_access_token() throws Exception {
        refusedEverywhere(TestUsers.create().refreshToken());
    }

    private static PrivateKey serverKey() throws Exception {
        String pem = Files.readString(Path.of("target/test-keys/private-key.pem"))
                .replaceAll("-----[A-Z ]+-----|\\s", "");
        return java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
