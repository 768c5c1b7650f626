-- A change of address in two steps: the new address proves itself with a code (hashed, bound to the account and
-- the address), then the old address gets a link (its token hashed) that undoes the change within 7 days.
create table email_changes (
    id              bigint generated always as identity primary key,
    user_id         bigint       not null references users (id) on delete cascade,
    old_email       varchar(254) not null,
    new_email       varchar(254) not null,
    code_hash       varchar(64)  not null,
    code_expires_at timestamptz  not null,
    attempts        integer      not null default 0,
    created_at      timestamptz  not null default now(),
    confirmed_at    timestamptz,
    undo_token_hash varchar(64),
    undo_expires_at timestamptz,
    undone_at       timestamptz,
    constraint email_changes_undo_token unique (undo_token_hash),
    constraint email_changes_undo_after_confirm check (undo_token_hash is null or confirmed_at is not null)
);

-- at most one change waits for its code per account (a new one replaces it)
create unique index email_changes_pending on email_changes (user_id) where confirmed_at is null;
