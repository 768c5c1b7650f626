-- Comments, one level of replies: parent_id is always a top-level comment. Counters move by atomic SQL.
create table comments (
    id          bigint generated always as identity primary key,
    post_id     bigint      not null references posts (id) on delete cascade,
    parent_id   bigint      references comments (id) on delete cascade,
    author_id   bigint      not null references users (id),
    text        text        not null,
    reply_count integer     not null default 0,
    created_at  timestamptz not null default clock_timestamp(),
    constraint comments_text_length check (char_length(text) between 1 and 2200),
    constraint comments_reply_count_not_negative check (reply_count >= 0),
    constraint comments_not_own_parent check (parent_id <> id)
);

-- a post's top-level comments, oldest first
create index comments_post_top on comments (post_id, created_at, id) where parent_id is null;
-- a comment's replies, oldest first (also the cascade from a deleted parent)
create index comments_replies on comments (parent_id, created_at, id) where parent_id is not null;
-- recent comments of a post (discovery ranking counts them in a window)
create index comments_post_created on comments (post_id, created_at);
-- a user's comments (removed when the account is deleted)
create index comments_author on comments (author_id);

-- Hashtags as written in captions and comments, lowercased, without '#'.
create table comment_tags (
    comment_id bigint not null references comments (id) on delete cascade,
    tag        text   not null,
    primary key (comment_id, tag)
);

-- The tags a post is listed under: its caption's and those of its author's own comments. Derived from the
-- caption and comment_tags (see PostTagging), with the post's time copied in so a tag page is one index scan.
create table post_tags (
    post_id         bigint      not null references posts (id) on delete cascade,
    tag             text        not null,
    post_created_at timestamptz not null,
    primary key (post_id, tag)
);

-- a tag's posts, newest first
create index post_tags_tag_created on post_tags (tag, post_created_at desc, post_id desc);

-- Who a caption or comment mentions (existing accounts only); notifications are built from these rows.
create table post_mentions (
    post_id    bigint      not null references posts (id) on delete cascade,
    user_id    bigint      not null references users (id),
    created_at timestamptz not null default clock_timestamp(),
    primary key (post_id, user_id)
);

create index post_mentions_user on post_mentions (user_id);

create table comment_mentions (
    comment_id bigint      not null references comments (id) on delete cascade,
    user_id    bigint      not null references users (id),
    created_at timestamptz not null default clock_timestamp(),
    primary key (comment_id, user_id)
);

create index comment_mentions_user on comment_mentions (user_id);

-- Discovery: a ranking computed ahead of time by a scheduled job. Each refresh writes a new snapshot, so a
-- client paging through one keeps a stable order; old snapshots are dropped after a while.
create table explore_snapshots (
    id          bigint generated always as identity primary key,
    computed_at timestamptz not null default clock_timestamp(),
    constraint explore_snapshots_computed_at unique (computed_at)
);

create table explore_posts (
    snapshot_id bigint           not null references explore_snapshots (id) on delete cascade,
    position    integer          not null,
    post_id     bigint           not null references posts (id) on delete cascade,
    score       double precision not null,
    primary key (snapshot_id, position)
);

-- the cascade from a deleted post
create index explore_posts_post on explore_posts (post_id);
