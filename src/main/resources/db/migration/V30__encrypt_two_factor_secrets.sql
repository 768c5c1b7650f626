-- TOTP secrets are stored encrypted from now on (AES-256-GCM, "v1:" + base64url of nonce, ciphertext and tag: 83
-- characters for a 32-character secret). Rows stored in clear before are encrypted by the application at start
-- (auth/TwoFactorSecrets), which reads both forms until then. Widening a varchar rewrites nothing.
alter table two_factor alter column secret type varchar(200);
