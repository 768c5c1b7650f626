-- TOTP secrets are stored encrypted from now on (AES-256-GCM, "v1:" + base64url of nonce, ciphertext and tag: 83
-- characters for a 32-character secret). Rows stored in clear before are encrypted by the application at start
-- (auth/TwoFactorSecrets), which reads both forms until then. Widening a varchar rewrites nothing.
alter table two_factor alter column secret type varchar(200);

-- what the start-up check reads: the rows still in clear, without reading every enrolled account at each start
create index two_factor_in_clear on two_factor (user_id) where secret not like 'v1:%';
