package app.shutter.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Other people's data, in bulk and in set-based SQL: one call adds a generation of accounts with power-law
 * follows, posts with media and tags, comments and their likes, likes, saves, notifications, messages, stories (half
 * of them for close friends, each viewed and reacted to), close friends and blocks,
 * none of them touching the accounts a test watches, except that every new account follows {@code star}.
 * Calling it a second time doubles every table, so a test can check that a request's work stays the same.
 */
public final class BackgroundData {

    private BackgroundData() {
    }

    /** @param generation 1, 2, ...: names the accounts (bg{generation}_{n}) so generations never collide */
    public static void grow(Connection connection, int generation, long star) throws SQLException {
        String g = "bg" + generation + "_";
        List<String> steps = List.of(
                """
                insert into users (username, email, password_hash, name, created_at)
                select '%1$s' || i, '%1$s' || i || '@bg.example', 'x', 'Background ' || i, now() - interval '90 days'
                from generate_series(1, 1500) i""",
                """
                create temporary table bg on commit drop as
                select (substring(username from '_([0-9]+)$'))::int as n, id from users where username like '%1$s%%'""",
                "create index on bg (n); analyze bg",
                """
                insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                select f.id, t.id, 'accepted', now() - interval '60 days', now() - interval '60 days'
                from bg f cross join lateral (select 1 + floor(1500 * power(random(), 2))::int as n
                                              from generate_series(1, 20) k where k > 0 * f.n) pick
                join bg t on t.n = pick.n where t.id <> f.id
                on conflict do nothing""",
                """
                insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                select id, %2$d, 'accepted', now() - interval '50 days', now() - interval '50 days' from bg""",
                """
                insert into posts (author_id, caption, created_at)
                select b.id, 'background', now() - random() * interval '30 days'
                from (select 1 + floor(1500 * power(random(), 3))::int as n, i from generate_series(1, 15000) i) pick
                join bg b on b.n = pick.n""",
                """
                create temporary table bg_posts on commit drop as
                select row_number() over (order by p.id)::int as n, p.id, p.created_at from posts p
                join bg b on b.id = p.author_id""",
                "create index on bg_posts (n); analyze bg_posts",
                // a tenth archived (every list must step around them), half edited once
                """
                update posts set archived_at = created_at + interval '1 day'
                where id in (select id from bg_posts where n %% 10 = 0)""",
                """
                insert into post_versions (post_id, caption, media, created_at, replaced_at)
                select id, 'before the edit', '[]', created_at, created_at + interval '1 hour' from bg_posts
                where n %% 2 = 0""",
                """
                insert into post_media (post_id, position, type, file, thumbnail_file, width, height)
                select id, 0, 'image', 'bg-' || id || '.jpg', null, 1080, 1080 from bg_posts""",
                """
                insert into post_tags (post_id, tag, post_created_at)
                select id, case when n %% 3 = 0 then 'common' else '%1$st' || (n %% 500) end, created_at
                from bg_posts""",
                """
                insert into comments (post_id, author_id, text, created_at)
                select p.id, b.id, 'background comment', p.created_at + interval '1 hour'
                from generate_series(1, 15000) i
                join bg_posts p on p.n = 1 + (i * 7919) %% 15000 join bg b on b.n = 1 + (i * 31) %% 1500""",
                """
                insert into post_likes (post_id, user_id, created_at)
                select p.id, b.id, p.created_at + interval '2 hours'
                from generate_series(1, 30000) i
                join bg_posts p on p.n = 1 + (i::bigint * 104729) %% 15000 join bg b on b.n = 1 + (i * 17) %% 1500
                on conflict do nothing""",
                """
                insert into saved_posts (user_id, post_id, created_at)
                select b.id, p.id, p.created_at + interval '3 hours'
                from generate_series(1, 15000) i
                join bg_posts p on p.n = 1 + (i * 7) %% 15000 join bg b on b.n = 1 + (i * 13) %% 1500
                on conflict do nothing""",
                """
                insert into notifications (recipient_id, seq, type, actor_id, post_id, created_at)
                select p.author_id, row_number() over (partition by p.author_id order by l.created_at),
                       'like', l.user_id, l.post_id, l.created_at
                from post_likes l join posts p on p.id = l.post_id join bg_posts bp on bp.id = p.id
                where l.user_id <> p.author_id""",
                """
                insert into messages (sender_id, recipient_id, text, sent_at)
                select a.id, b.id, 'background message', now() - (i %% 1000) * interval '1 minute'
                from generate_series(1, 15000) i join bg a on a.n = 1 + i %% 1500
                join bg b on b.n = 1 + (i * 7 + 1) %% 1500 where a.id <> b.id""",
                """
                insert into stories (author_id, type, file, width, height, created_at, expires_at)
                select id, 'image', 'bg-story-' || id || '.jpg', 1080, 1920, now() - interval '1 hour',
                       now() + interval '23 hours'
                from bg""",
                """
                insert into comment_likes (comment_id, user_id, created_at)
                select c.id, b.id, c.created_at from (select c.id, c.created_at, row_number() over (order by c.id) as k
                                                      from comments c join bg_posts p on p.id = c.post_id) c
                join bg b on b.n = 1 + (c.k * 7) %% 1500
                on conflict do nothing""",
                """
                insert into close_friends (user_id, friend_id)
                select a.id, b.id from bg a join bg b on b.n in (1 + (a.n * 5 + 3) %% 1500, 1 + (a.n * 19 + 2) %% 1500)
                where a.id <> b.id on conflict do nothing""",
                "update stories set audience = 'close_friends' where author_id in (select id from bg where n %% 2 = 0)",
                """
                insert into story_views (story_id, viewer_id)
                select s.id, b.id from stories s join bg a on a.id = s.author_id join bg b on b.n = 1 + (a.n * 3) %% 1500
                where a.id <> b.id on conflict do nothing""",
                """
                insert into story_reactions (story_id, user_id, emoji)
                select v.story_id, v.viewer_id, '🔥' from story_views v join stories s on s.id = v.story_id
                join bg a on a.id = s.author_id on conflict do nothing""",
                """
                insert into blocks (blocker_id, blocked_id)
                select a.id, b.id from bg a join bg b on b.n = 1 + (a.n * 11) %% 1500 where a.id <> b.id
                on conflict do nothing""",
                """
                update users u set followers_count = (select count(*) from follows f
                                                      where f.followee_id = u.id and f.status = 'accepted'),
                                   following_count = (select count(*) from follows f
                                                      where f.follower_id = u.id and f.status = 'accepted'),
                                   posts_count = (select count(*) from posts p where p.author_id = u.id)
                where u.id in (select id from bg) or u.id = %2$d""",
                "analyze");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String step : steps) {
                statement.execute(step.formatted(g, star));
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
