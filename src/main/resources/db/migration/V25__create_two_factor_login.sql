-- Two-factor login (TOTP). An enrolment waits unconfirmed (enabled_at null) until a code from the app comes back.
-- last_step is the last time step accepted: a code works once, whichever instance sees it (a conditional update).
create table two_factor (
    user_id    bigint      primary key references users (id) on delete cascade,
    secret     varchar(64) not null,
    created_at timestamptz not null default now(),
    enabled_at timestamptz,
    last_step  bigint
);

-- Single-use recovery codes, stored as SHA-256 hashes (bound to the account).
create table recovery_codes (
    user_id   bigint      not null references users (id) on delete cascade,
    code_hash varchar(64) not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- A login whose password was right and that waits for its second factor. The challenge is an opaque token (its
-- hash stored), valid 5 minutes, used once, a few attempts.
create table login_challenges (
    id           bigint generated always as identity primary key,
    token_hash   varchar(64) not null,
    user_id      bigint      not null references users (id) on delete cascade,
    device_token varchar(200),
    attempts     integer     not null default 0,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    constraint login_challenges_token unique (token_hash)
);
create index login_challenges_expires on login_challenges (expires_at);
