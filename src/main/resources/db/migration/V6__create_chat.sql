-- Direct messages between two users. (sender_id, client_id) makes a client's resend of a message a no-op.
create table messages (
    id           bigint generated always as identity primary key,
    sender_id    bigint      not null references users (id),
    recipient_id bigint      not null references users (id),
    text         text        not null,
    client_id    varchar(64),
    sent_at      timestamptz not null default clock_timestamp(),
    read_at      timestamptz,
    constraint messages_text_length check (char_length(text) between 1 and 2000),
    constraint messages_not_to_self check (sender_id <> recipient_id)
);

create unique index messages_sender_client_id on messages (sender_id, client_id) where client_id is not null;
-- a conversation's messages, newest first, whichever side sent them
create index messages_pair_sent on messages (least(sender_id, recipient_id), greatest(sender_id, recipient_id),
                                             sent_at desc, id desc);
-- unread messages from one user to another (read state, unread counts)
create index messages_unread on messages (recipient_id, sender_id, id) where read_at is null;
-- removal of a deleted account's messages
create index messages_recipient on messages (recipient_id);

-- One row per user and conversation partner, kept current by each message, so the conversation list is
-- one index scan instead of grouping every message.
create table conversations (
    user_id         bigint      not null references users (id),
    other_id        bigint      not null references users (id),
    last_message_id bigint      not null references messages (id) on delete cascade,
    last_at         timestamptz not null,
    unread_count    integer     not null default 0,
    primary key (user_id, other_id),
    constraint conversations_unread_not_negative check (unread_count >= 0)
);

create index conversations_user_last on conversations (user_id, last_at desc, other_id desc);
create index conversations_last_message on conversations (last_message_id);

-- Open chat connections of every instance. Rows are refreshed while the instance lives; rows of an instance
-- that died without cleaning up go stale and stop counting.
create table chat_presence (
    connection_id text        primary key,
    user_id       bigint      not null references users (id),
    instance_id   text        not null,
    seen_at       timestamptz not null default now()
);

create index chat_presence_user on chat_presence (user_id, seen_at);
create index chat_presence_instance on chat_presence (instance_id);
