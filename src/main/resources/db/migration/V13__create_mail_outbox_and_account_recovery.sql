-- Mail is written here in the transaction of the change that causes it and sent after the commit by
-- mail/MailSender: pending rows are claimed with FOR UPDATE SKIP LOCKED and a lease (claimed_until), sent, then
-- marked sent or due again later. A row without a recipient is composed when it is sent (mail/MailComposer):
-- a password reset looks its account up there. Bodies are dropped once sent; done rows are kept a week.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    kind            varchar(40)  not null,
    recipient       varchar(254),
    subject         text,
    text_body       text,
    html_body       text,
    payload         text,
    message_id      varchar(200) not null unique,
    status          varchar(10)  not null default 'pending'
                    check (status in ('pending', 'sent', 'dropped', 'failed')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    claimed_until   timestamptz,
    last_error      text,
    created_at      timestamptz  not null default now(),
    done_at         timestamptz,
    check (recipient is not null or payload is not null or status = 'dropped')
);

create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status = 'pending';
create index mail_outbox_done on mail_outbox (done_at) where status <> 'pending';

-- An address is the account's only once verified: until then it reserves nothing, and login or a password
-- reset by email find verified addresses only. Accounts that existed before count as verified.
alter table users add column email_verified_at timestamptz;
update users set email_verified_at = created_at;
drop index users_email_key;
create unique index users_email_key on users (lower(email)) where deactivated_at is null and email_verified_at is not null;

-- The code mailed to verify an address: only its hash, for that address, 15 minutes, at most 5 attempts.
create table email_verifications (
    user_id    bigint       primary key references users (id) on delete cascade,
    email      varchar(254) not null,
    code_hash  text         not null,
    expires_at timestamptz  not null,
    attempts   integer      not null default 0
);

-- Password reset tokens: only their SHA-256, single use, 30 minutes.
create table password_resets (
    token_hash text        primary key,
    user_id    bigint      not null references users (id) on delete cascade,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index password_resets_user on password_resets (user_id);
