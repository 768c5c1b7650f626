-- Notifications. seq numbers each recipient's notifications in commit order (see notification_counters),
-- so a stream resuming after seq n misses nothing that committed later with a smaller id.
create table notifications (
    id           bigint generated always as identity primary key,
    recipient_id bigint      not null references users (id),
    seq          bigint      not null,
    type         varchar(20) not null,
    actor_id     bigint      not null references users (id),
    post_id      bigint      references posts (id) on delete cascade,
    comment_id   bigint      references comments (id) on delete cascade,
    created_at   timestamptz not null default clock_timestamp(),
    read_at      timestamptz,
    constraint notifications_type check (type in ('like', 'comment', 'reply', 'mention', 'follow',
                                                  'follow_request', 'follow_accepted', 'message')),
    constraint notifications_not_self check (recipient_id <> actor_id)
);

-- resuming a stream: a recipient's notifications after a seq
create unique index notifications_recipient_seq on notifications (recipient_id, seq);
-- the list, newest first
create index notifications_recipient_created on notifications (recipient_id, created_at desc, id desc);
-- the unread count
create index notifications_unread on notifications (recipient_id) where read_at is null;
-- repeating an action (like, unlike, like again) keeps one notification
create unique index notifications_once on notifications (recipient_id, type, actor_id, coalesce(post_id, 0),
                                                         coalesce(comment_id, 0));
-- removal when an actor's account, a post or a comment goes
create index notifications_actor on notifications (actor_id);
create index notifications_post on notifications (post_id) where post_id is not null;
create index notifications_comment on notifications (comment_id) where comment_id is not null;

-- The last seq handed out per recipient. Taking the next one locks the row until commit, so a recipient's
-- notifications commit in seq order.
create table notification_counters (
    user_id bigint not null primary key references users (id),
    seq     bigint not null
);
