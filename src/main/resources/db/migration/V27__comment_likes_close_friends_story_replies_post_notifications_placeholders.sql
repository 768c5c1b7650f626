-- Likes on comments and replies, counted on the comment as post likes are on the post.
alter table comments add column like_count integer not null default 0,
    add constraint comments_like_count_not_negative check (like_count >= 0);
create table comment_likes (
    comment_id bigint      not null references comments (id) on delete cascade,
    user_id    bigint      not null references users (id),
    created_at timestamptz not null default clock_timestamp(),
    primary key (comment_id, user_id)
);
-- a comment's likers, newest first
create index comment_likes_comment_created on comment_likes (comment_id, created_at desc, user_id desc);
-- a deleted account's likes
create index comment_likes_user on comment_likes (user_id);

-- Close friends: the people an account shares close-friends stories with. They are not told.
create table close_friends (
    user_id    bigint      not null references users (id) on delete cascade,
    friend_id  bigint      not null references users (id) on delete cascade,
    created_at timestamptz not null default clock_timestamp(),
    primary key (user_id, friend_id),
    constraint close_friends_not_self check (user_id <> friend_id)
);
-- the list, newest first
create index close_friends_user_created on close_friends (user_id, created_at desc, friend_id desc);
-- a deleted account's places on other people's lists
create index close_friends_friend on close_friends (friend_id);

alter table stories add column audience varchar(13) not null default 'everyone',
    add constraint stories_audience check (audience in ('everyone', 'close_friends'));

-- One reaction per person and story, from a small fixed set; the author reads them with the viewers.
create table story_reactions (
    story_id   bigint      not null references stories (id) on delete cascade,
    user_id    bigint      not null references users (id),
    emoji      varchar(8)  not null,
    reacted_at timestamptz not null default clock_timestamp(),
    primary key (story_id, user_id),
    constraint story_reactions_emoji check (emoji in ('❤️', '😂', '😮', '😢', '😍', '👏', '🔥', '🎉'))
);
create index story_reactions_user on story_reactions (user_id);

-- A reply to a story is a chat message that names the story. When the story is deleted (expiry cleanup,
-- its author, a moderator) the reference is cleared and the message stays, marked as a story reply.
alter table messages add column story_id bigint references stories (id) on delete set null,
    add column story_reply boolean not null default false,
    add constraint messages_story_reply check (story_id is null or story_reply);
create index messages_story on messages (story_id) where story_id is not null;

-- "Notify me when this account posts", for an accepted follow; it ends with the follow.
alter table follows add column notify_posts boolean not null default false,
    add constraint follows_notify_posts_accepted check (not notify_posts or status = 'accepted');
-- an author's subscribers, in id order (the batches of a post's notifications)
create index follows_post_subscribers on follows (followee_id, follower_id) where notify_posts;

-- A new post's notifications still to send: written with the post, worked through after commit in batches of
-- subscribers (after_follower is the last one done), so a crash resumes where it stopped.
create table post_notification_jobs (
    post_id        bigint      primary key references posts (id) on delete cascade,
    author_id      bigint      not null references users (id) on delete cascade,
    after_follower bigint      not null default 0,
    created_at     timestamptz not null default clock_timestamp()
);

alter table notifications drop constraint notifications_type;
alter table notifications add constraint notifications_type
    check (type in ('like', 'comment', 'reply', 'mention', 'follow', 'follow_request', 'follow_accepted', 'message',
                    'comment_like', 'post', 'report_outcome', 'warning', 'suspension', 'content_removed'));

-- A BlurHash per image and video thumbnail, for clients to paint while the file loads. Null: not computed yet
-- (rows older than this migration, until the backfill job reaches them); '' : none can be (a video without a
-- thumbnail, a file that cannot be read).
alter table post_media add column blurhash varchar(64);
alter table stories add column blurhash varchar(64);
create index post_media_blurhash_missing on post_media (id) where blurhash is null;
create index stories_blurhash_missing on stories (id) where blurhash is null;
