-- Avatars are kept by stored name like post and story media (it used to be the URL, /images/<name>), so a URL
-- follows the configured store (a local folder or a bucket behind a public base URL) instead of being frozen.
alter table users rename column avatar_url to avatar_file;
update users set avatar_file = regexp_replace(avatar_file, '^.*/', '') where avatar_file is not null;

-- The sweep of stored files that no row points to (media/MediaSweep) asks, for a batch of stored names, which
-- ones a row holds: one index probe per name and column instead of a scan of each table.
create index post_media_file on post_media (file);
create index post_media_thumbnail_file on post_media (thumbnail_file) where thumbnail_file is not null;
create index stories_file on stories (file);
create index stories_thumbnail_file on stories (thumbnail_file) where thumbnail_file is not null;
create index users_avatar_file on users (avatar_file) where avatar_file is not null;
