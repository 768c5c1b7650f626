package app.shutter.bench;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a migrated, empty Shutter database with the benchmark data set, in set-based SQL (generate_series):
 * users with one shared bcrypt hash, a power-law follow graph, a year of posts with likes and comments,
 * private accounts with pending requests, and mutual-follower pairs for chat. Counters are set from the
 * rows at the end, so the data set satisfies the same invariants the application keeps.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.shutter.bench.DataSet \
 *     -Dexec.args="default jdbc:postgresql://localhost:5432/shutter shutter secret"
 * </pre>
 */
public final class DataSet {

    /** Every generated account logs in with this password (usernames are bench1, bench2, ...). */
    public static final String PASSWORD = "bench-passphrase-1";
    static final int BENCH_BCRYPT_COST = 4;

    public record Size(int users, int followeesEach, int posts, int likes, int comments) {

        public static final Size SMALL = new Size(300, 20, 3_000, 15_000, 3_000);
        public static final Size DEFAULT = new Size(10_000, 200, 1_000_000, 5_000_000, 1_000_000);

        static Size named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "small" -> SMALL;
                case "default" -> DEFAULT;
                default -> throw new IllegalArgumentException("size is small or default, not " + name);
            };
        }
    }

    /**
     * Bulk loads switch the trigger that keeps author_heads (V29) off and build the table once from the posts,
     * with the migration's own statement: a row trigger per generated post would multiply the load time.
     */
    static final String AUTHOR_HEADS_OFF = "alter table posts disable trigger posts_author_head";
    static final String AUTHOR_HEADS_REBUILD = """
            alter table posts enable trigger posts_author_head;
            insert into author_heads (author_id, created_at, id)
            select distinct on (author_id) author_id, created_at, id from posts where archived_at is null
            order by author_id, created_at desc, id desc
            on conflict (author_id) do update set created_at = excluded.created_at, id = excluded.id""";

    private DataSet() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: DataSet small|default|network-small|network|network-10m JDBC_URL [USER [PASSWORD]]");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[1], args.length > 2 ? args[2] : null,
                args.length > 3 ? args[3] : null)) {
            Progress progress = (step, millis) -> System.out.printf("%-42s %7.1f s%n", step, millis / 1000.0);
            long start = System.nanoTime();
            if (args[0].startsWith("network")) {
                NetworkDataSet.generate(connection, NetworkDataSet.Size.named(args[0]), progress);
            } else {
                generate(connection, Size.named(args[0]), progress);
            }
            progress.done("total", (System.nanoTime() - start) / 1_000_000);
        }
    }

    public interface Progress {
        void done(String step, long millis);
    }

    public static void generate(Connection connection, Size size, Progress progress) throws SQLException {
        // bcrypt's lowest cost: the load harness logs in 10 000 accounts in seconds (login is not a measured
        // scenario); accounts created through the API are hashed at shutter.auth.bcrypt-cost.
        String hash = BcryptUtil.bcryptHash(PASSWORD, BENCH_BCRYPT_COST);
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("users", """
                insert into users (username, email, password_hash, name, is_private, created_at)
                select 'bench' || i, 'bench' || i || '@bench.example', '%s', 'Bench User ' || i, i %% 10 = 0,
                       now() - interval '400 days'
                from generate_series(1, %d) i""".formatted(hash, size.users()));
        steps.put("bench_users", """
                create temporary table bench_users as
                select (substring(username from 6))::int as n, id from users where username ~ '^bench[0-9]+$'""");
        steps.put("index bench_users", "create index on bench_users (n)");
        // popular accounts (low n) are followed far more often: n = U * random()^3
        steps.put("follows (power law)", """
                insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                select f.id, t.id, 'accepted', now() - interval '300 days', now() - interval '300 days'
                from bench_users f
                cross join lateral (select 1 + floor(%1$d * power(random(), 3))::int as n
                                    from generate_series(1, %2$d) g where g > 0 * f.n) pick
                join bench_users t on t.n = pick.n
                where t.id <> f.id
                on conflict do nothing""".formatted(size.users(), size.followeesEach()));
        steps.put("follows (mutual pairs for chat)", """
                insert into follows (follower_id, followee_id, status, created_at, accepted_at)
                select a.id, b.id, 'accepted', now() - interval '200 days', now() - interval '200 days'
                from bench_users a join bench_users b on b.n = case when a.n % 2 = 1 then a.n + 1 else a.n - 1 end
                on conflict do nothing""");
        steps.put("pending requests", """
                insert into follows (follower_id, followee_id, status, created_at)
                select f.id, t.id, 'pending', now() - interval '1 day'
                from bench_users t join bench_users f on f.n = (t.n * 7 + 3) %% %d + 1
                where t.n %% 10 = 0 and f.id <> t.id
                on conflict do nothing""".formatted(size.users()));
        steps.put("author heads off (rebuilt at once after the posts)", AUTHOR_HEADS_OFF);
        steps.put("posts (a year)", """
                insert into posts (author_id, caption, created_at)
                select u.id, 'Bench post ' || i || ' #bench' || (i %% 100), now() - random() * interval '365 days'
                from generate_series(1, %d) i
                join bench_users u on u.n = 1 + (i::bigint * 7919) %% %d""".formatted(size.posts(), size.users()));
        // statistics for the rows of this transaction, so the following joins get sensible plans
        steps.put("author heads", AUTHOR_HEADS_REBUILD);
        steps.put("analyze users, follows, posts", "analyze users, follows, posts, author_heads");
        steps.put("post media", """
                insert into post_media (post_id, position, type, file, thumbnail_file, width, height)
                select id, 0, 'image', 'bench-' || id || '.jpg', 'bench-' || id || '-t.jpg', 1080, 1080
                from posts""");
        steps.put("post tags", """
                insert into post_tags (post_id, tag, post_created_at)
                select id, 'bench' || (id % 100), created_at from posts""");
        steps.put("likes", """
                insert into post_likes (post_id, user_id, created_at)
                select p.id, u.id, p.created_at + random() * interval '2 days'
                from (select (select min(id) from posts) + floor(%1$d * power(random(), 2))::bigint as post,
                             1 + floor(random() * %2$d)::int as n
                      from generate_series(1, %3$d)) pick
                join posts p on p.id = pick.post join bench_users u on u.n = pick.n
                on conflict do nothing""".formatted(size.posts(), size.users(), size.likes()));
        steps.put("analyze likes", "analyze post_likes");
        steps.put("comments", """
                insert into comments (post_id, author_id, text, created_at)
                select p.id, u.id, 'Bench comment', p.created_at + random() * interval '2 days'
                from (select (select min(id) from posts) + floor(%1$d * power(random(), 2))::bigint as post,
                             1 + floor(random() * %2$d)::int as n
                      from generate_series(1, %3$d)) pick
                join posts p on p.id = pick.post join bench_users u on u.n = pick.n"""
                .formatted(size.posts(), size.users(), size.comments()));
        steps.put("post counters", """
                update posts p set like_count = coalesce(l.n, 0), comment_count = coalesce(c.n, 0)
                from posts q
                left join (select post_id, count(*) as n from post_likes group by post_id) l on l.post_id = q.id
                left join (select post_id, count(*) as n from comments group by post_id) c on c.post_id = q.id
                where p.id = q.id and (l.n is not null or c.n is not null)""");
        // set-based (hash aggregates): the planner has no statistics yet for rows of this transaction
        steps.put("user counters", """
                update users u set followers_count = coalesce(fr.n, 0), following_count = coalesce(fg.n, 0),
                                   posts_count = coalesce(p.n, 0)
                from bench_users b
                left join (select followee_id, count(*) as n from follows where status = 'accepted'
                           group by followee_id) fr on fr.followee_id = b.id
                left join (select follower_id, count(*) as n from follows where status = 'accepted'
                           group by follower_id) fg on fg.follower_id = b.id
                left join (select author_id, count(*) as n from posts group by author_id) p on p.author_id = b.id
                where u.id = b.id""");
        steps.put("analyze", "analyze");
        steps.put("drop bench_users", "drop table bench_users");
        run(connection, steps, progress);
    }

    /** Runs the named statements in order in one transaction, reporting each one's time. */
    static void run(Connection connection, Map<String, String> steps, Progress progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> step : steps.entrySet()) {
                long start = System.nanoTime();
                statement.execute(step.getValue());
                progress.done(step.getKey(), (System.nanoTime() - start) / 1_000_000);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
