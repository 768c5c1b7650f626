-- Notices from Shutter itself have no actor: the outcome of a report to its reporter, a warning, a suspension.
-- They name what they are about (target_kind, target_id, the reporter's report_id), the decision (outcome),
-- the moderator's words to the account acted on (reason) and when a suspension ends (ends_at).
alter table notifications alter column actor_id drop not null,
    add column target_kind varchar(10),
    add column target_id   bigint,
    add column report_id   bigint references reports (id),
    add column outcome     varchar(10),
    add column reason      varchar(1000),
    add column ends_at     timestamptz;
alter table notifications drop constraint notifications_type;
alter table notifications add constraint notifications_type
    check (type in ('like', 'comment', 'reply', 'mention', 'follow', 'follow_request', 'follow_accepted', 'message',
                    'report_outcome', 'warning', 'suspension', 'content_removed'));
-- notices, and only they, come from no account
alter table notifications add constraint notifications_actor
    check ((actor_id is null) = (type in ('report_outcome', 'warning', 'suspension', 'content_removed')));
