-- Roles: the access token carries them (no role query per request); changing one ends the account's sessions.
alter table users add column role varchar(10) not null default 'user',
    add constraint users_role check (role in ('user', 'moderator', 'admin'));

-- A case is one reported object while it waits for a moderator: every report of that object joins the open
-- case, so the queue lists objects, not reports. Once closed, a new report of the object opens a new case.
create table moderation_cases (
    id              bigint generated always as identity primary key,
    target_kind     varchar(10) not null,
    target_id       bigint      not null,
    -- the account the object belongs to (the author; the account itself; the sender of a message)
    target_owner_id bigint      not null references users (id),
    -- what the object was when it was first reported, so moderators see it even once it is hidden or edited
    content         jsonb       not null,
    status          varchar(10) not null default 'open',
    outcome         varchar(10),
    report_count    int         not null default 0,
    opened_at       timestamptz not null default clock_timestamp(),
    last_reported_at timestamptz not null default clock_timestamp(),
    closed_at       timestamptz,
    closed_by       bigint references users (id),
    constraint moderation_cases_kind check (target_kind in ('post', 'comment', 'story', 'account', 'message')),
    constraint moderation_cases_status check (status in ('open', 'closed')),
    constraint moderation_cases_outcome check (outcome in ('dismissed', 'warned', 'removed', 'suspended')),
    constraint moderation_cases_closed check ((status = 'open') = (outcome is null and closed_at is null))
);
-- one open case per object: a report joins it, or opens it
create unique index moderation_cases_open_target on moderation_cases (target_kind, target_id) where status = 'open';
-- the queue, oldest first, by status and by status and kind
create index moderation_cases_queue on moderation_cases (status, opened_at, id);
create index moderation_cases_queue_kind on moderation_cases (status, target_kind, opened_at, id);

create table reports (
    id          bigint generated always as identity primary key,
    case_id     bigint       not null references moderation_cases (id),
    reporter_id bigint       not null references users (id),
    reason      varchar(30)  not null,
    text        varchar(1000),
    created_at  timestamptz  not null default clock_timestamp(),
    constraint reports_reason check (reason in ('spam', 'nudity_or_sexual_content', 'violence',
                                                'harassment_or_bullying', 'hate', 'self_harm',
                                                'intellectual_property', 'other'))
);
-- a reporter reports an object once while its case is open (a second report answers with the first)
create unique index reports_once_per_case on reports (case_id, reporter_id);
-- a reporter's own reports, newest first
create index reports_reporter on reports (reporter_id, created_at desc, id desc);

-- The reasons a case was reported for, one row each, with the case's queue position: the queue filtered by
-- a reason (and a kind) is one ordered index range here, however rare the reason.
create table moderation_case_reasons (
    case_id     bigint      not null references moderation_cases (id),
    reason      varchar(30) not null,
    target_kind varchar(10) not null,
    status      varchar(10) not null,
    opened_at   timestamptz not null,
    primary key (case_id, reason)
);
create index moderation_case_reasons_queue on moderation_case_reasons (status, reason, opened_at, case_id);
create index moderation_case_reasons_queue_kind on moderation_case_reasons (status, target_kind, reason,
                                                                            opened_at, case_id);

-- What moderators and admins did: append-only (the trigger refuses changes), listed by admins.
create table moderation_log (
    id                bigint generated always as identity primary key,
    actor_id          bigint      not null references users (id),
    action            varchar(20) not null,
    target_kind       varchar(10) not null,
    target_id         bigint      not null,
    target_account_id bigint      not null references users (id),
    case_id           bigint references moderation_cases (id),
    reason            varchar(1000),
    created_at        timestamptz not null default clock_timestamp(),
    constraint moderation_log_action check (action in ('dismiss', 'warn', 'remove', 'suspend', 'unsuspend',
                                                       'grant_moderator', 'revoke_moderator'))
);
create index moderation_log_newest on moderation_log (created_at desc, id desc);

create function moderation_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'moderation_log is append-only';
end $$;
create trigger moderation_log_append_only before update or delete on moderation_log
    for each row execute function moderation_log_append_only();
