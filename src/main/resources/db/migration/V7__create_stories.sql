-- Stories: one photo or video each, visible until expires_at. Reads filter on expires_at; a job deletes them.
create table stories (
    id             bigint generated always as identity primary key,
    author_id      bigint      not null references users (id),
    type           varchar(5)  not null,
    file           text        not null,
    thumbnail_file text,
    width          integer     not null,
    height         integer     not null,
    duration_ms    bigint,
    view_count     integer     not null default 0,
    created_at     timestamptz not null default clock_timestamp(),
    expires_at     timestamptz not null,
    constraint stories_type check (type in ('image', 'video')),
    constraint stories_size check (width > 0 and height > 0),
    constraint stories_view_count_not_negative check (view_count >= 0),
    constraint stories_expire_after_creation check (expires_at > created_at)
);

-- an author's live stories, oldest first (profile, tray)
create index stories_author_created on stories (author_id, created_at, id) include (expires_at);
-- the cleanup job: the oldest expired first
create index stories_expires on stories (expires_at);

create table story_views (
    story_id  bigint      not null references stories (id) on delete cascade,
    viewer_id bigint      not null references users (id),
    viewed_at timestamptz not null default clock_timestamp(),
    primary key (story_id, viewer_id)
);

-- a story's viewers, newest first
create index story_views_story_viewed on story_views (story_id, viewed_at desc, viewer_id desc);
-- a deleted account's views
create index story_views_viewer on story_views (viewer_id);
