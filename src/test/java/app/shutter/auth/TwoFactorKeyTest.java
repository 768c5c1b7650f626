package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A configured key (SHUTTER_AUTH_TWO_FACTOR_ENCRYPTION_KEY) is the one that encrypts the secrets, and previous keys
 * (SHUTTER_AUTH_TWO_FACTOR_PREVIOUS_ENCRYPTION_KEYS) still open theirs until they are sealed again at start.
 */
@QuarkusTest
@TestProfile(TwoFactorKeyTest.ConfiguredKey.class)
class TwoFactorKeyTest extends ApiTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] OLD_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    public static class ConfiguredKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shutter.auth.two-factor.encryption-key", Base64.getEncoder().encodeToString(KEY),
                    "shutter.auth.two-factor.previous-encryption-keys",
                    Base64.getEncoder().encodeToString(OLD_KEY) + ",signing-key");
        }
    }

    @Inject
    TwoFactorSecrets secrets;

    @Inject
    TwoFactorKeys keys;

    private String stored(TestUser user) {
        return (String) queryValue("select secret from two_factor where user_id = ?", user.id());
    }

    /** The secret in the account's row, opened here with the configured key (AES-256-GCM, the account id as AAD). */
    private String openedWithTheConfiguredKey(TestUser user) throws Exception {
        byte[] sealed = Base64.getUrlDecoder().decode(stored(user).substring("v1:".length()));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
        cipher.updateAAD(("two-factor:" + user.id()).getBytes(StandardCharsets.US_ASCII));
        return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII);
    }

    @Test
    void the_stored_secret_opens_with_the_configured_key_and_the_account_as_associated_data() throws Exception {
        TestUser user = TestUsers.create();
        String secret = TwoFactorTest.enable(user).getString("secret");
        assertThat(openedWithTheConfiguredKey(user)).isEqualTo(secret);
    }

    @Test
    void secrets_sealed_with_a_previous_key_keep_working_and_are_sealed_again_with_the_current_one_at_start()
            throws Exception {
        TestUser current = TestUsers.create();
        TestUser old = TestUsers.create();
        TestUser derived = TestUsers.create();
        String currentSecret = TwoFactorTest.enable(current).getString("secret");
        String oldSecret = TwoFactorTest.enable(old).getString("secret");
        String derivedSecret = TwoFactorTest.enable(derived).getString("secret");
        // as a deployment before the rotation stored them: with the old key, and with the signing key's
        execute("update two_factor set secret = ? where user_id = ?",
                secrets.seal(new SecretKeySpec(OLD_KEY, "AES"), old.id(), oldSecret), old.id());
        execute("update two_factor set secret = ? where user_id = ?",
                secrets.seal(keys.derived(), derived.id(), derivedSecret), derived.id());
        String untouched = stored(current);
        assertThatThrownBy(() -> openedWithTheConfiguredKey(old)).isInstanceOf(javax.crypto.AEADBadTagException.class);

        for (TestUser user : new TestUser[] {old, derived}) {
            String secret = user == old ? oldSecret : derivedSecret;
            TwoFactorTest.secondFactor(TwoFactorTest.login(user).extract().path("challenge"), "code",
                    TwoFactorTest.code(secret, 1)).statusCode(200);
        }

        assertThat(secrets.sealAgain()).isGreaterThanOrEqualTo(2);
        assertThat(openedWithTheConfiguredKey(old)).isEqualTo(oldSecret);
        assertThat(openedWithTheConfiguredKey(derived)).isEqualTo(derivedSecret);
        assertThat(stored(current)).as("a secret the current key opens is left as it is").isEqualTo(untouched);
        assertThat(openedWithTheConfiguredKey(current)).isEqualTo(currentSecret);
    }

    @Test
    void a_key_that_is_not_32_bytes_of_base64_is_refused_with_the_way_to_make_one() {
        for (String wrong : new String[] {"short", Base64.getEncoder().encodeToString(new byte[16]), "not base64!"}) {
            assertThatThrownBy(() -> TwoFactorKeys.configuredKey(wrong)).hasMessageContaining("openssl rand");
        }
    }
}
