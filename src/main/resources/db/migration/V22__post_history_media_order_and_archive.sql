-- Editing a post keeps its earlier versions: the caption and the media as they were (ids, kinds, sizes, alt
-- texts; no file names: files of removed media are deleted after the edit, and URLs of the media still in the
-- post are read from post_media). created_at is when that version began, replaced_at when an edit replaced it.
create table post_versions (
    id          bigint generated always as identity primary key,
    post_id     bigint      not null references posts (id) on delete cascade,
    caption     text,
    media       jsonb       not null,
    created_at  timestamptz not null,
    replaced_at timestamptz not null default clock_timestamp(),
    constraint post_versions_media_array check (jsonb_typeof(media) = 'array')
);
-- a post's history, newest first (and the cascade when the post goes)
create index post_versions_post on post_versions (post_id, id desc);

-- Reordering a carousel moves positions past each other within one transaction: the uniqueness of a position
-- is checked at commit.
alter table post_media
    drop constraint post_media_position,
    add constraint post_media_position unique (post_id, position) deferrable initially deferred;

-- An archived post is hidden from everyone but its author, who lists it in their archive. Every list of posts
-- reads only posts that are not archived, so their indexes leave archived ones out: the home feed's per-author
-- probes stay index-only and never step over archived rows; the archive has its own small index. Operations on
-- all of an account's posts (deleting the account) name both conditions, so they read both indexes.
alter table posts add column archived_at timestamptz;
drop index posts_author_created;
create index posts_author_created on posts (author_id, created_at desc, id desc) where archived_at is null;
drop index posts_created;
create index posts_created on posts (created_at desc, id desc) where archived_at is null;
create index posts_archived on posts (author_id, archived_at desc, id desc) where archived_at is not null;
