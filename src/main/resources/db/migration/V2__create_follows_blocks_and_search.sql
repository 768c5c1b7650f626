-- Follows: one row per (follower, followee); a request to a private account is 'pending' until accepted.
create table follows (
    follower_id  bigint      not null references users (id) on delete cascade,
    followee_id  bigint      not null references users (id) on delete cascade,
    status       varchar(10) not null,
    created_at   timestamptz not null default now(),
    accepted_at  timestamptz,
    primary key (follower_id, followee_id),
    constraint follows_not_self check (follower_id <> followee_id),
    constraint follows_status check (status in ('pending', 'accepted')),
    constraint follows_accepted_at check ((status = 'accepted') = (accepted_at is not null))
);

-- followers of X, newest first (and "does anyone follow X" checks)
create index follows_followers on follows (followee_id, accepted_at desc, follower_id desc) where status = 'accepted';
-- whom X follows, newest first
create index follows_following on follows (follower_id, accepted_at desc, followee_id desc) where status = 'accepted';
-- X's pending incoming requests, newest first
create index follows_requests on follows (followee_id, created_at desc, follower_id desc) where status = 'pending';

create table blocks (
    blocker_id bigint      not null references users (id) on delete cascade,
    blocked_id bigint      not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (blocker_id, blocked_id),
    constraint blocks_not_self check (blocker_id <> blocked_id)
);

-- "is B blocking A" (the reverse direction of the primary key)
create index blocks_blocked on blocks (blocked_id, blocker_id);
-- the caller's blocked list, newest first
create index blocks_by_blocker on blocks (blocker_id, created_at desc, blocked_id desc);

-- Search: username prefix through a pattern-ops btree, names (case and accent insensitive) through trigrams.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only stable (its dictionary could change); indexes need an immutable function
create function shutter_fold(text) returns text
    language sql immutable parallel safe strict
    return lower(public.unaccent('public.unaccent'::regdictionary, $1));

create index users_username_prefix on users (username text_pattern_ops) where deactivated_at is null;
create index users_name_trgm on users using gin (shutter_fold(name) gin_trgm_ops) where deactivated_at is null;
