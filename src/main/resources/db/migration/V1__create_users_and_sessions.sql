-- Accounts. Counters are kept by the features that change them (follows, posts) so profiles read one row.
create table users (
    id              bigint generated always as identity primary key,
    username        varchar(30)  not null,
    email           varchar(254) not null,
    password_hash   varchar(100) not null,
    name            varchar(50),
    bio             varchar(150),
    website         varchar(200),
    phone           varchar(20),
    avatar_url      varchar(200),
    is_private      boolean      not null default false,
    followers_count integer      not null default 0 check (followers_count >= 0),
    following_count integer      not null default 0 check (following_count >= 0),
    posts_count     integer      not null default 0 check (posts_count >= 0),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    -- deactivated accounts keep their row so the username stays reserved
    deactivated_at  timestamptz,
    constraint users_username_format check (username ~ '^[a-z0-9._]{3,30}$')
);

create unique index users_username_key on users (username);
-- an email is freed when its account is deleted; a username is not
create unique index users_email_key on users (lower(email)) where deactivated_at is null;

-- A login starts a session; access tokens carry its id (sid), refresh tokens belong to it.
create table sessions (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz
);

create index sessions_user_id_active on sessions (user_id) where revoked_at is null;
create index sessions_revoked_at on sessions (revoked_at) where revoked_at is not null;
create index sessions_expires_at on sessions (expires_at);

-- Refresh tokens are opaque; only their SHA-256 is stored. A used token presented again revokes the session.
create table refresh_tokens (
    id          bigint generated always as identity primary key,
    session_id  bigint      not null references sessions (id) on delete cascade,
    token_hash  varchar(64) not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    constraint refresh_tokens_token_hash_key unique (token_hash)
);

create index refresh_tokens_session_id on refresh_tokens (session_id);
create index refresh_tokens_expires_at on refresh_tokens (expires_at);
