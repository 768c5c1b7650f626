package app.shutter.bench;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A data set shaped like a real network, beside {@link DataSet}'s uniform one: 60% of the accounts never post,
 * the others post by a power law (the most followed post the most, recent months busier), a few accounts are
 * followed by 30-50% of everyone, and the number of accounts each one follows is log-normal (median ~45, a
 * tail into the thousands). Named viewers hold the follow shapes that hurt a home feed:
 *
 * <ul>
 *   <li>{@code net_new}: follows nobody</li>
 *   <li>{@code net_one_silent}: follows one account whose posts are all older than 300 days</li>
 *   <li>{@code net_three}: follows three ordinary posters</li>
 *   <li>{@code net_quiet}: follows 200 accounts that never post or have been silent for 300 days</li>
 *   <li>{@code net_typical}: follows 180 accounts picked the way everyone picks them</li>
 *   <li>{@code net_heavy1k}, {@code net_heavy5k}: follow 1 000 and 5 000 accounts picked at random</li>
 *   <li>{@code net_heavy_quiet}: follows 5 000 accounts that never post or went silent 300 days ago</li>
 * </ul>
 *
 * Only what the feeds need is written (users, follows, posts, one medium per post, tags with a skewed
 * popularity); every generated account logs in with {@link DataSet#PASSWORD}. Both sizes share the users and
 * the follow graph (random but with the same shapes), so a page's work can be compared between them.
 */
public final class NetworkDataSet {

    public record Size(int users, int posts) {

        public static final Size SMALL = new Size(2_000, 20_000);
        public static final Size ONE_MILLION = new Size(50_000, 1_000_000);
        public static final Size TEN_MILLION = new Size(50_000, 10_000_000);

        static Size named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "network-small" -> SMALL;
                case "network" -> ONE_MILLION;
                case "network-10m" -> TEN_MILLION;
                default -> throw new IllegalArgumentException("not a network size: " + name);
            };
        }
    }

    /** The named viewers and how many accounts each follows. */
    public static final Map<String, Integer> VIEWERS = viewers();

    private NetworkDataSet() {
    }

    private static Map<String, Integer> viewers() {
        Map<String, Integer> viewers = new LinkedHashMap<>();
        viewers.put("net_new", 0);
        viewers.put("net_one_silent", 1);
        viewers.put("net_three", 3);
        viewers.put("net_quiet", 200);
        viewers.put("net_typical", 180);
        viewers.put("net_heavy1k", 1_000);
        viewers.put("net_heavy5k", 5_000);
        viewers.put("net_heavy_quiet", 5_000);
        return viewers;
    }

    public static void generate(Connection connection, Size size, DataSet.Progress progress) throws SQLException {
        String hash = BcryptUtil.bcryptHash(DataSet.PASSWORD, DataSet.BENCH_BCRYPT_COST);
        int users = size.users();
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("settings", "set local work_mem = '256MB'");
        steps.put("users", """
                insert into users (username, email, password_hash, name, is_private, created_at)
                select 'net' || i, 'net' || i || '@bench.example', '%1$s', 'Network User ' || i, i %% 10 = 0,
                       now() - interval '400 days'
                from generate_series(1, %2$d) i
                union all
                select v, v || '@bench.example', '%1$s', v, false, now() - interval '1 day'
                from unnest(string_to_array('%3$s', ',')) v""".formatted(hash, users, String.join(",", VIEWERS.keySet())));
        // n: rank by popularity (1 = most followed). Kinds: n % 5 in (0, 1) post; n % 25 = 2 posted long ago
        // and went silent; the rest never post.
        steps.put("net_users", """
                create temporary table net_users as
                select (substring(username from 4))::int as n, id from users where username ~ '^net[0-9]+$'""");
        steps.put("index net_users", "create unique index on net_users (n); analyze net_users");
        steps.put("posters", """
                create temporary table posters as
                select row_number() over (order by n)::int as r, id from net_users where n % 5 in (0, 1)""");
        steps.put("index posters", "create unique index on posters (r); analyze posters");
        // everyone follows log-normally many accounts, picked by popularity (n = U * random()^2) ...
        steps.put("follows (log-normal counts, popularity)", """
                insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                select f.id, t.id, 'accepted', now() - interval '300 days', now() - interval '300 days'
                from net_users f
                cross join lateral (select least(3000, floor(exp(random_normal(3.8, 1.1))))::int as k
                                    where f.n > 0) size
                cross join lateral (select 1 + floor(%1$d * power(random(), 2))::int as n
                                    from generate_series(1, size.k) g where g > 0 * f.n) pick
                join net_users t on t.n = pick.n
                where t.id <> f.id
                on conflict do nothing""".formatted(users));
        // ... and the five most popular accounts are followed by 30-50% of everyone
        steps.put("follows (celebrities)", """
                insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                select f.id, t.id, 'accepted', now() - interval '300 days', now() - interval '300 days'
                from net_users f join net_users t on t.n between 1 and 5
                where f.id <> t.id and random() < 0.3 - t.n * 0.04 + 0 * f.n -- per pair, not once per celebrity
                on conflict do nothing""");
        steps.put("follows (named viewers)", """
                insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                select v.id, t.id, 'accepted', now() - interval '1 hour', now() - interval '1 hour'
                from users v
                cross join lateral (
                    select t.id from net_users t where v.username = 'net_one_silent' and t.n = 27
                    union all
                    select t.id from net_users t where v.username = 'net_three' and t.n in (%1$d / 10 + 1, %1$d / 4 + 1, %1$d / 2 + 1)
                    union all
                    (select t.id from net_users t where v.username = 'net_quiet' and t.n %% 5 in (2, 3, 4)
                     order by t.n %% 25 = 2 desc, t.n limit 200)
                    union all
                    (select distinct on (t.n) t.id
                     from (select 1 + floor(%1$d * power(random(), 2))::int as n from generate_series(1, 400) g
                           where g > 0 * v.id) pick
                     join net_users t on t.n = pick.n where v.username = 'net_typical' limit 180)
                    union all
                    (select t.id from net_users t where v.username = 'net_heavy1k' order by random() limit 1000)
                    union all
                    (select t.id from net_users t where v.username = 'net_heavy5k' order by random() limit 5000)
                    union all
                    (select t.id from net_users t where v.username = 'net_heavy_quiet' and t.n %% 5 in (2, 3, 4)
                     order by random() limit 5000)
                ) t
                where v.username like 'net\\_%%' and v.username !~ '^net[0-9]+$'
                on conflict do nothing""".formatted(users));
        // posts newest last, so ids grow with time as they do in production; recent months busier
        steps.put("author heads off (rebuilt at once after the posts)", DataSet.AUTHOR_HEADS_OFF);
        steps.put("posts (power law, recent months busier)", """
                insert into posts (author_id, caption, created_at)
                select p.id, 'Network post #t' || pick.tag, pick.at
                from (select 1 + floor(%1$d * power(random(), 3))::int as r,
                             floor(%2$d * power(random(), 3))::int as tag,
                             now() - interval '365 days' * power(random(), 1.5) as at
                      from generate_series(1, %3$d)) pick
                join posters p on p.r = pick.r
                order by pick.at""".formatted(users * 2 / 5, Math.max(1, size.posts() / 100), size.posts()));
        steps.put("posts (silent accounts)", """
                insert into posts (author_id, caption, created_at)
                select u.id, 'Old post', now() - interval '300 days' - random() * interval '60 days'
                from net_users u cross join generate_series(1, 3) g
                where u.n % 25 = 2""");
        steps.put("author heads", DataSet.AUTHOR_HEADS_REBUILD);
        steps.put("analyze users, follows, posts", "analyze users, follows, posts, author_heads");
        steps.put("post media", """
                insert into post_media (post_id, position, type, file, thumbnail_file, width, height)
                select id, 0, 'image', 'net-' || id || '.jpg', 'net-' || id || '-t.jpg', 1080, 1080 from posts""");
        steps.put("post tags", """
                insert into post_tags (post_id, tag, post_created_at)
                select id, substring(caption from '#(t[0-9]+)$'), created_at from posts where caption like '%#t%'""");
        steps.put("user counters", """
                update users u set followers_count = coalesce(fr.n, 0), following_count = coalesce(fg.n, 0),
                                   posts_count = coalesce(p.n, 0)
                from users b
                left join (select followee_id, count(*) as n from follows where status = 'accepted'
                           group by followee_id) fr on fr.followee_id = b.id
                left join (select follower_id, count(*) as n from follows where status = 'accepted'
                           group by follower_id) fg on fg.follower_id = b.id
                left join (select author_id, count(*) as n from posts group by author_id) p on p.author_id = b.id
                where u.id = b.id and (fr.n is not null or fg.n is not null or p.n is not null)""");
        steps.put("drop temporary tables", "drop table net_users, posters");
        DataSet.run(connection, steps, progress);
        // outside the transaction: VACUUM sets the visibility map, so index-only scans need no heap fetches
        try (Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            statement.execute("vacuum (analyze) users, follows, posts, post_media, post_tags");
            progress.done("vacuum analyze", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
