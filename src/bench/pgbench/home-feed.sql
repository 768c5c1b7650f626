-- The home feed as the application issues it (captured from pg_stat_statements during HomeFeedSimulation):
-- a first page, then the page after its cursor, each in its own transaction with the media of its posts.
-- pgbench cannot pass the page's post ids on, so the media statement asks for 20 random posts: the same
-- statement and the same number of index probes. Bench account n has user id n.
\set viewer random(1, 10000)
\set m1 random(1, 1000000)
\set m2 random(1, 1000000)
\set m3 random(1, 1000000)
\set m4 random(1, 1000000)
\set m5 random(1, 1000000)
\set m6 random(1, 1000000)
\set m7 random(1, 1000000)
\set m8 random(1, 1000000)
\set m9 random(1, 1000000)
\set m10 random(1, 1000000)
\set m11 random(1, 1000000)
\set m12 random(1, 1000000)
\set m13 random(1, 1000000)
\set m14 random(1, 1000000)
\set m15 random(1, 1000000)
\set m16 random(1, 1000000)
\set m17 random(1, 1000000)
\set m18 random(1, 1000000)
\set m19 random(1, 1000000)
\set m20 random(1, 1000000)
BEGIN;
select p.id, p.caption, p.like_count, p.comment_count, p.created_at, p.edited_at,
u.id as author_id, u.username, u.name, u.avatar_url, u.is_private,
exists (select 1 from post_likes l where l.post_id = p.id and l.user_id = :viewer) as liked,
exists (select 1 from saved_posts s where s.post_id = p.id and s.user_id = :viewer) as saved, p.created_at, p.id from posts p join users u on u.id = p.author_id where u.deactivated_at is null and (p.author_id = :viewer or p.author_id in
    (select f.followee_id from follows f where f.follower_id = :viewer and f.status = 'accepted'))
order by p.created_at desc, p.id desc limit 21 \aset
select post_id, type, file, thumbnail_file, width, height, duration_ms from post_media where post_id in (:m1, :m2, :m3, :m4, :m5, :m6, :m7, :m8, :m9, :m10, :m11, :m12, :m13, :m14, :m15, :m16, :m17, :m18, :m19, :m20) order by post_id, position;
COMMIT;
BEGIN;
select p.id, p.caption, p.like_count, p.comment_count, p.created_at, p.edited_at,
u.id as author_id, u.username, u.name, u.avatar_url, u.is_private,
exists (select 1 from post_likes l where l.post_id = p.id and l.user_id = :viewer) as liked,
exists (select 1 from saved_posts s where s.post_id = p.id and s.user_id = :viewer) as saved, p.created_at, p.id from posts p join users u on u.id = p.author_id where u.deactivated_at is null and (p.author_id = :viewer or p.author_id in
    (select f.followee_id from follows f where f.follower_id = :viewer and f.status = 'accepted'))
and (p.created_at, p.id) < (:created_at, :id) order by p.created_at desc, p.id desc limit 21 \aset
select post_id, type, file, thumbnail_file, width, height, duration_ms from post_media where post_id in (:m1, :m2, :m3, :m4, :m5, :m6, :m7, :m8, :m9, :m10, :m11, :m12, :m13, :m14, :m15, :m16, :m17, :m18, :m19, :m20) order by post_id, position;
COMMIT;
