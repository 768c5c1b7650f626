-- Idempotency-Key of creating requests: one row per account and key, claimed (and committed) before the work
-- starts, with a lease; completed in the transaction that creates the resource, with the response to replay.
create table idempotency_keys (
    user_id         bigint       not null references users (id) on delete cascade,
    key             varchar(255) not null,
    fingerprint     varchar(64)  not null,
    lease_until     timestamptz,
    response_status integer,
    location        text,
    response_body   text,
    created_at      timestamptz  not null default now(),
    primary key (user_id, key),
    check ((lease_until is null) = (response_status is not null))
);

create index idempotency_keys_created on idempotency_keys (created_at);
