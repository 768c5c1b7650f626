-- The home feed as the application issues it (FeedService.HOME_SQL, issue #19: the bounded walk or the
-- per-followee merge): a first page, then the page after its cursor, each in its own transaction with the
-- media of its posts. pgbench cannot pass the page's post ids on, so the media statement asks for 20 random
-- posts: the same statement and the same number of index probes. Run with -D users=N -D posts=M (the data
-- set's accounts and posts; account n has user id n in a freshly loaded data set).
\set viewer random(1, :users)
\set m1 random(1, :posts)
\set m2 random(1, :posts)
\set m3 random(1, :posts)
\set m4 random(1, :posts)
\set m5 random(1, :posts)
\set m6 random(1, :posts)
\set m7 random(1, :posts)
\set m8 random(1, :posts)
\set m9 random(1, :posts)
\set m10 random(1, :posts)
\set m11 random(1, :posts)
\set m12 random(1, :posts)
\set m13 random(1, :posts)
\set m14 random(1, :posts)
\set m15 random(1, :posts)
\set m16 random(1, :posts)
\set m17 random(1, :posts)
\set m18 random(1, :posts)
\set m19 random(1, :posts)
\set m20 random(1, :posts)
BEGIN;
with followed as materialized (
    select cast(:viewer as bigint) as id
    union all
    select f.followee_id from follows f
    where f.follower_id = :viewer and f.status = 'accepted'
      and not exists (select 1 from users d where d.id = f.followee_id and d.deactivated_at is not null)
), walked as (
    select w.created_at, w.id
    from (select p.created_at, p.id, p.author_id from posts p
          where (select count(*) from followed) > 50 
          order by p.created_at desc, p.id desc
          limit (select least(30 * count(*), 10000) from followed)) w
    -- an OR keeps the test a hashed filter (a semi-join would lose the walk's order, so the whole
    -- budget would be read and sorted instead of stopping at the page's last row)
    where w.author_id = :viewer or w.author_id in (select id from followed)
    order by w.created_at desc, w.id desc limit 21
), walk_decides as (
    select (select count(*) from walked) = 21 as yes
), heads as (
    select h.author_id, h.created_at, h.id from followed
    cross join lateral (select p.author_id, p.created_at, p.id from posts p
                        where p.author_id = followed.id 
                        order by p.created_at desc, p.id desc limit 1) h
), bound as (
    select created_at, id from heads order by created_at desc, id desc offset 21 - 1 limit 1
), merged as (
    select c.created_at, c.id from heads
    cross join lateral (select p.created_at, p.id from posts p
                        where p.author_id = heads.author_id 
                          and (not exists (select 1 from bound)
                               or (p.created_at, p.id) >= (select created_at, id from bound))
                        order by p.created_at desc, p.id desc limit 21) c
    where not exists (select 1 from bound) or (heads.created_at, heads.id) >= (select created_at, id from bound)
    order by c.created_at desc, c.id desc limit 21
), page as (
    select created_at, id from walked where (select yes from walk_decides)
    union all
    select created_at, id from merged where not (select yes from walk_decides)
)
select p.id, p.caption, p.like_count, p.comment_count, p.created_at, p.edited_at,
u.id as author_id, u.username as author_username, u.name as author_name, u.avatar_file as author_avatar_file, u.is_private as author_is_private,
exists (select 1 from post_likes l where l.post_id = p.id and l.user_id = :viewer) as liked,
exists (select 1 from saved_posts s where s.post_id = p.id and s.user_id = :viewer) as saved, p.created_at as key_at, p.id as key_id from page c join posts p on p.id = c.id join users u on u.id = p.author_id order by p.created_at desc, p.id desc limit 21 \aset
select post_id, type, file, thumbnail_file, width, height, duration_ms from post_media where post_id in (:m1, :m2, :m3, :m4, :m5, :m6, :m7, :m8, :m9, :m10, :m11, :m12, :m13, :m14, :m15, :m16, :m17, :m18, :m19, :m20) order by post_id, position;
COMMIT;
BEGIN;
with followed as materialized (
    select cast(:viewer as bigint) as id
    union all
    select f.followee_id from follows f
    where f.follower_id = :viewer and f.status = 'accepted'
      and not exists (select 1 from users d where d.id = f.followee_id and d.deactivated_at is not null)
), walked as (
    select w.created_at, w.id
    from (select p.created_at, p.id, p.author_id from posts p
          where (select count(*) from followed) > 50 and (p.created_at, p.id) < (:created_at, :id)
          order by p.created_at desc, p.id desc
          limit (select least(30 * count(*), 10000) from followed)) w
    -- an OR keeps the test a hashed filter (a semi-join would lose the walk's order, so the whole
    -- budget would be read and sorted instead of stopping at the page's last row)
    where w.author_id = :viewer or w.author_id in (select id from followed)
    order by w.created_at desc, w.id desc limit 21
), walk_decides as (
    select (select count(*) from walked) = 21 as yes
), heads as (
    select h.author_id, h.created_at, h.id from followed
    cross join lateral (select p.author_id, p.created_at, p.id from posts p
                        where p.author_id = followed.id and (p.created_at, p.id) < (:created_at, :id)
                        order by p.created_at desc, p.id desc limit 1) h
), bound as (
    select created_at, id from heads order by created_at desc, id desc offset 21 - 1 limit 1
), merged as (
    select c.created_at, c.id from heads
    cross join lateral (select p.created_at, p.id from posts p
                        where p.author_id = heads.author_id and (p.created_at, p.id) < (:created_at, :id)
                          and (not exists (select 1 from bound)
                               or (p.created_at, p.id) >= (select created_at, id from bound))
                        order by p.created_at desc, p.id desc limit 21) c
    where not exists (select 1 from bound) or (heads.created_at, heads.id) >= (select created_at, id from bound)
    order by c.created_at desc, c.id desc limit 21
), page as (
    select created_at, id from walked where (select yes from walk_decides)
    union all
    select created_at, id from merged where not (select yes from walk_decides)
)
select p.id, p.caption, p.like_count, p.comment_count, p.created_at, p.edited_at,
u.id as author_id, u.username as author_username, u.name as author_name, u.avatar_file as author_avatar_file, u.is_private as author_is_private,
exists (select 1 from post_likes l where l.post_id = p.id and l.user_id = :viewer) as liked,
exists (select 1 from saved_posts s where s.post_id = p.id and s.user_id = :viewer) as saved, p.created_at as key_at, p.id as key_id from page c join posts p on p.id = c.id join users u on u.id = p.author_id order by p.created_at desc, p.id desc limit 21 \aset
select post_id, type, file, thumbnail_file, width, height, duration_ms from post_media where post_id in (:m1, :m2, :m3, :m4, :m5, :m6, :m7, :m8, :m9, :m10, :m11, :m12, :m13, :m14, :m15, :m16, :m17, :m18, :m19, :m20) order by post_id, position;
COMMIT;
