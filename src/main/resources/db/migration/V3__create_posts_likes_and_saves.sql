-- Posts: a caption and one to ten media items in carousel order. Counters change only by atomic SQL.
create table posts (
    id            bigint generated always as identity primary key,
    author_id     bigint      not null references users (id),
    caption       text,
    like_count    integer     not null default 0,
    comment_count integer     not null default 0,
    created_at    timestamptz not null default clock_timestamp(),
    edited_at     timestamptz,
    constraint posts_caption_length check (char_length(caption) <= 2200),
    constraint posts_counts_not_negative check (like_count >= 0 and comment_count >= 0)
);

-- a profile's posts (and the home feed's per-author index scans), newest first
create index posts_author_created on posts (author_id, created_at desc, id desc);
-- recent posts everywhere (discovery)
create index posts_created on posts (created_at desc, id desc);

-- Files are stored names, not URLs: storage decides how they are served.
create table post_media (
    id             bigint generated always as identity primary key,
    post_id        bigint      not null references posts (id) on delete cascade,
    position       smallint    not null,
    type           varchar(5)  not null,
    file           text        not null,
    thumbnail_file text,
    width          integer     not null,
    height         integer     not null,
    duration_ms    bigint,
    constraint post_media_position unique (post_id, position),
    constraint post_media_position_range check (position between 0 and 9),
    constraint post_media_type check (type in ('image', 'video')),
    constraint post_media_size check (width > 0 and height > 0)
);

create table post_likes (
    post_id    bigint      not null references posts (id) on delete cascade,
    user_id    bigint      not null references users (id),
    created_at timestamptz not null default clock_timestamp(),
    primary key (post_id, user_id)
);

-- who liked a post, newest first
create index post_likes_post_created on post_likes (post_id, created_at desc, user_id desc);
-- a user's likes (removed when the account is deleted)
create index post_likes_user on post_likes (user_id);

create table saved_posts (
    user_id    bigint      not null references users (id),
    post_id    bigint      not null references posts (id) on delete cascade,
    created_at timestamptz not null default clock_timestamp(),
    primary key (user_id, post_id)
);

-- the caller's saved posts, newest save first
create index saved_posts_user_created on saved_posts (user_id, created_at desc, post_id desc);
-- removing a post's saves when it goes (the cascade looks rows up by post)
create index saved_posts_post on saved_posts (post_id);
