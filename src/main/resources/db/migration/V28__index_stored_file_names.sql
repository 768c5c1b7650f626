-- The sweep of stored files that no row points to (media/MediaSweep) asks, for a batch of stored names, which
-- ones a row holds: one index probe per name and column instead of a scan of each table.
create index post_media_file on post_media (file);
create index post_media_thumbnail_file on post_media (thumbnail_file) where thumbnail_file is not null;
create index stories_file on stories (file);
create index stories_thumbnail_file on stories (thumbnail_file) where thumbnail_file is not null;
create index users_avatar_url on users (avatar_url) where avatar_url is not null;
