-- A like and an unlike as the application issues them (captured from pg_stat_statements during
-- WritesSimulation), each in its own transaction: the visibility check, the like with its counter, the
-- notification (per-recipient sequence) and its announcement; then the unlike, its counter and the
-- notification's withdrawal. Bench account n has user id n; posts are drawn from the whole year.
\set viewer random(1, 10000)
\set post random(1, 1000000)
BEGIN;
select exists (select 1 from posts p join users u on u.id = p.author_id where p.id = :post and u.deactivated_at is null and (u.id = :viewer or (not exists (select 1 from blocks b where (b.blocker_id = :viewer and b.blocked_id = u.id)
      or (b.blocker_id = u.id and b.blocked_id = :viewer)) and (not u.is_private or exists (select 1 from follows m where m.follower_id = :viewer and m.followee_id = u.id
      and m.status = 'accepted')))));
with added as (insert into post_likes (post_id, user_id) values (:post, :viewer)
               on conflict do nothing returning 1)
update posts set like_count = like_count + (select count(*) from added) where id = :post
returning like_count, (select count(*) from added) as added, author_id \gset
with recipients as (
    select r.id from users r
    where r.id in (:author_id) and r.id <> :viewer and r.deactivated_at is null
      and not exists (select 1 from blocks b where (b.blocker_id = :viewer and b.blocked_id = r.id)
                                      or (b.blocker_id = r.id and b.blocked_id = :viewer))
      and (:post = 0 or exists (select 1 from posts p join users u on u.id = p.author_id
                                where p.id = :post and u.deactivated_at is null and (u.id = r.id or (not exists (select 1 from blocks b where (b.blocker_id = r.id and b.blocked_id = u.id)
                                      or (b.blocker_id = u.id and b.blocked_id = r.id)) and (not u.is_private or exists (select 1 from follows m where m.follower_id = r.id and m.followee_id = u.id
                                 and m.status = 'accepted'))))))
      and not exists (select 1 from notifications n where n.recipient_id = r.id and n.type = 'like'
                      and n.actor_id = :viewer and coalesce(n.post_id, 0) = :post
                      and coalesce(n.comment_id, 0) = 0)
    order by r.id),
numbered as (
    insert into notification_counters (user_id, seq) select id, 1 from recipients
    on conflict (user_id) do update set seq = notification_counters.seq + 1
    returning user_id, seq)
insert into notifications (recipient_id, seq, type, actor_id, post_id, comment_id)
select user_id, seq, 'like', :viewer, nullif(:post, 0), nullif(0, 0) from numbered
on conflict do nothing
returning recipient_id;
select pg_notify('shutter_notifications', :author_id::text);
COMMIT;
BEGIN;
select exists (select 1 from posts p join users u on u.id = p.author_id where p.id = :post and u.deactivated_at is null and (u.id = :viewer or (not exists (select 1 from blocks b where (b.blocker_id = :viewer and b.blocked_id = u.id)
      or (b.blocker_id = u.id and b.blocked_id = :viewer)) and (not u.is_private or exists (select 1 from follows m where m.follower_id = :viewer and m.followee_id = u.id
      and m.status = 'accepted')))));
with removed as (delete from post_likes where post_id = :post and user_id = :viewer returning 1)
update posts set like_count = like_count - (select count(*) from removed) where id = :post
returning like_count, (select count(*) from removed);
delete from notifications where type = 'like' and actor_id = :viewer and post_id = :post;
COMMIT;
