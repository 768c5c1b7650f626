-- Attempt counters of the rate limits (common/security/RateLimiter), shared by every instance and written in
-- their own transaction so that a refused request's rollback keeps them. One row per key and fixed window:
-- an attempt is one upsert that restarts the window once it has passed.
create table rate_limit_counters (
    key            text        primary key,
    window_start   timestamptz not null,
    window_seconds integer     not null check (window_seconds > 0),
    hits           integer     not null check (hits > 0)
);

-- the cleanup of windows that have passed
create index rate_limit_counters_window on rate_limit_counters (window_start);

-- Devices that have logged in to an account (auth/KnownDevices): a login that presents one of their tokens is
-- exempt from the account-wide limit on failed logins, so a stranger failing from many addresses cannot lock
-- the owner out of the devices they already use. Only the token's SHA-256 is stored.
create table known_devices (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references users (id) on delete cascade,
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz not null default now()
);

create index known_devices_user on known_devices (user_id);
