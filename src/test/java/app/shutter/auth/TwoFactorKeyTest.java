package app.shutter.auth;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

/** A configured key (SHUTTER_AUTH_TWO_FACTOR_ENCRYPTION_KEY) is the one that encrypts the secrets. */
@QuarkusTest
@TestProfile(TwoFactorKeyTest.ConfiguredKey.class)
class TwoFactorKeyTest extends ApiTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    public static class ConfiguredKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shutter.auth.two-factor.encryption-key", Base64.getEncoder().encodeToString(KEY));
        }
    }

    @Test
    void the_stored_secret_opens_with_the_configured_key_and_the_account_as_associated_data() throws Exception {
        TestUser user = TestUsers.create();
        String secret = TwoFactorTest.enable(user).getString("secret");
        String stored = (String) queryValue("select secret from two_factor where user_id = ?", user.id());

        byte[] sealed = Base64.getUrlDecoder().decode(stored.substring("v1:".length()));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
        cipher.updateAAD(("two-factor:" + user.id()).getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII))
                .isEqualTo(secret);
    }

    @Test
    void a_key_that_is_not_32_bytes_of_base64_is_refused_with_the_way_to_make_one() {
        for (String wrong : new String[] {"short", Base64.getEncoder().encodeToString(new byte[16]), "not base64!"}) {
            assertThatThrownBy(() -> TwoFactorSecrets.configuredKey(wrong)).hasMessageContaining("openssl rand");
        }
    }
}
