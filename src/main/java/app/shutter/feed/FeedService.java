package app.shutter.feed;

import app.shutter.common.pagination.Cursor;
import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import app.shutter.graph.GraphService;
import app.shutter.post.PostQueries;
import app.shutter.post.PostView;
import app.shutter.post.TextEntities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.List;

/** Lists of posts, newest first, each one keyset query on (created_at, id) plus one for the media. */
@ApplicationScoped
public class FeedService {

    private static final String FROM = " from posts p join users u on u.id = p.author_id where ";

    /** Accounts followed from which the home feed first tries the walk (fewer: the merge alone is cheaper). */
    static final int WALK_FROM_FOLLOWING = 50;

    /**
     * Newest posts the walk reads per account followed before it gives up and the merge answers (measured at
     * 10 M posts: a walked post costs ~0.5 us, a followed account in the merge ~25 us; so the walk may cost
     * about as much as the merge would, and never more than twice the merge's work in all).
     */
    static final int WALK_PER_FOLLOWED = 30;

    /** The most newest posts any walk reads. */
    static final int WALK_BUDGET = 10_000;

    /**
     * Accounts followed up to which the merge looks their newest posts up one by one in {@code author_heads}
     * (3 buffers, ~5 microseconds each); above it, one read of the whole table with a hashed filter is
     * cheaper (~140 pages but ~2.5 ms for 22 000 posting accounts: fewer buffers than 50 probes, as slow as
     * ~500 of them; measured at 1 M and 10 M posts, and time is what the viewer waits for).
     */
    static final int PROBE_HEADS_UP_TO = 500;

    /**
     * The read of the whole table grows with the accounts that post, not with the viewer: a probe costs as much
     * time as ~44 of its rows, so the merge probes up to {@value #PROBE_HEADS_UP_TO} accounts followed or the
     * table's estimated rows / 44, whichever is more (a network with 10x the posting accounts keeps probing).
     */
    static final String PROBE_HEADS_LIMIT_SQL = "greatest(" + PROBE_HEADS_UP_TO + ", (select c.reltuples from pg_class c"
            + " where c.oid = cast('author_heads' as regclass)) / 44)";

    /*
     * The home feed's posts statements (the benchmark EXPLAINs exactly these); each {@code %1$s} takes the cursor
     * predicate on {@code p}, {@code :fetch} is the rows fetched (page + 1), written into the SQL as a number:
     * as a parameter, PostgreSQL's generic plan guessed a tenth of the rows for every LIMIT and took 2.5x
     * longer. Its work is bounded by the number of accounts followed, never by the number of posts or by how
     * rarely the followees post:
     *
     * <p><b>The walk</b> (only for viewers following {@value #WALK_FROM_FOLLOWING} accounts or more): the newest
     * posts of everyone after the cursor, kept when the author is followed, but at most
     * {@value #WALK_PER_FOLLOWED} per account followed and {@value #WALK_BUDGET} in all. When it fills the page
     * (dense followees, the common case for accounts that follow many) it is the answer, at a few hundred index
     * entries; when it does not, it stops at its budget instead of reading the whole table (an account
     * following few or quiet accounts).
     *
     * <p><b>The merge</b> answers otherwise:
     * <ol>
     *   <li>heads: each followed account's (and the viewer's own) newest post after the cursor. The newest listed
     *   post of every account is kept in {@code author_heads} (V29, by a trigger on posts): accounts that never
     *   posted have no row there and cost nothing, and an account whose newest post is older than the cursor
     *   needs no read of posts; the others take one index-only probe of {@code posts_author_created}. Up to
     *   {@link #PROBE_HEADS_LIMIT_SQL} accounts followed, their rows are probed one by one; beyond, the table is
     *   read once with a hashed filter (a viewer following 5 000 quiet accounts: ~600 buffers and ~13 ms instead
     *   of the ~15 000 buffers and ~25 ms of one probe of posts per account);</li>
     *   <li>bound: the {@code :fetch}-th newest head. At least {@code :fetch} posts are that new, so every post
     *   of the page is at least as new as the bound, and only accounts whose head reaches it can have one:
     *   at most {@code :fetch} accounts, each read from its newest post down to the bound (an index condition),
     *   at most {@code :fetch} posts.</li>
     * </ol>
     * Either way posts and authors are joined for the page's rows only. Hidden accounts (deactivated or
     * suspended) are left out of {@code followed} first (a probe of the small {@code users_hidden} index), so
     * they cannot hold a place on a page; so are accounts whose posts the viewer mutes.
     *
     * <p>The walk and the merge are two statements, chosen in {@link #home}: one statement with both (one-time
     * filters choosing the branch) cost the common viewer, whom the walk answers, the set-up of the merge's plan
     * on every page (~4% of the typical shape's throughput, session 14). A page of posts is one statement when
     * the walk fills it or the cursor says the page before came from the merge ({@link HomeCursor}: the walk's
     * budget is not spent in vain again on every page of a quiet viewer), two otherwise.
     */
    private static final String FOLLOWED = """
            with followed as materialized (
                select cast(:viewer as bigint) as id
                union all
                select f.followee_id from follows f
                where f.follower_id = :viewer and f.status = 'accepted'
                  and not exists (select 1 from users d where d.id = f.followee_id and d.hidden_at is not null)
                  and not exists (select 1 from mutes m where m.muter_id = :viewer and m.muted_id = f.followee_id
                                  and m.posts)
            )""";

    private static final String PAGE = "select " + PostQueries.POST_COLUMNS + ", " + Keyset.key("p.created_at", "p.id")
            + " from page c join posts p on p.id = c.id join users u on u.id = p.author_id"
            + " order by p.created_at desc, p.id desc";

    /** The walk (see above): fewer than {@code :fetch} rows mean it could not fill the page. */
    public static final String WALK_SQL = FOLLOWED + """
            , page as (
                select w.created_at, w.id
                from (select p.created_at, p.id, p.author_id from posts p
                      where (select count(*) from followed) > %2$d and p.archived_at is null %1$s
                      order by p.created_at desc, p.id desc
                      limit (select least(%4$d * count(*), %3$d) from followed)) w
                -- an OR keeps the test a hashed filter (a semi-join would lose the walk's order, so the whole
                -- budget would be read and sorted instead of stopping at the page's last row)
                where w.author_id = :viewer or w.author_id in (select id from followed)
                order by w.created_at desc, w.id desc limit :fetch
            )
            """.replace("%2$d", Integer.toString(WALK_FROM_FOLLOWING)).replace("%3$d", Integer.toString(WALK_BUDGET))
            .replace("%4$d", Integer.toString(WALK_PER_FOLLOWED)) + PAGE;

    /** The merge (see above): always the exact page. */
    public static final String MERGE_SQL = FOLLOWED + """
            , kept as (
                -- the followed accounts' newest listed posts (author_heads): a probe each for a few accounts,
                -- one read of the table with a hashed filter for many; accounts that never posted have no row
                select a.author_id, a.created_at, a.id from followed
                -- (the limit keeps the planner from turning the probes into a hash join over the whole table)
                cross join lateral (select * from author_heads a where a.author_id = followed.id limit 1) a
                where (select count(*) from followed) <= %5$d
                union all
                select a.author_id, a.created_at, a.id from author_heads a
                where (select count(*) from followed) > %5$d
                  and (a.author_id = :viewer or a.author_id in (select id from followed))
            ), heads as (
                -- each one's newest post after the cursor: the kept one when it is (no read of posts), else
                -- one index-only probe of posts_author_created (the limit inside the parentheses: on the union
                -- it would sort every older post of the account)
                select h.author_id, h.created_at, h.id from kept k
                cross join lateral (select k.author_id, k.created_at, k.id
                                    where exists (select 1 from (select k.created_at, k.id) p where true %1$s)
                                    union all
                                    (select p.author_id, p.created_at, p.id from posts p
                                     where p.author_id = k.author_id and p.archived_at is null %1$s
                                       and not exists (select 1 from (select k.created_at, k.id) p where true %1$s)
                                     order by p.created_at desc, p.id desc limit 1)) h
            ), bound as (
                -- the :fetch-th newest head, or the oldest position there is when fewer accounts have one: always
                -- one row, so that the test below is an index condition that stops each account's read at the
                -- bound (as an OR with "no bound" it was a filter, and an account with one post above the bound
                -- had every older post read)
                select coalesce(b.created_at, '-infinity') as created_at, coalesce(b.id, 0) as id
                from (select 1) one
                left join (select created_at, id from heads order by created_at desc, id desc
                           offset :fetch - 1 limit 1) b on true
            ), page as (
                select c.created_at, c.id from heads
                cross join lateral (select p.created_at, p.id from posts p
                                    where p.author_id = heads.author_id and p.archived_at is null %1$s
                                      and (p.created_at, p.id) >= (select created_at, id from bound)
                                    order by p.created_at desc, p.id desc limit :fetch) c
                where (heads.created_at, heads.id) >= (select created_at, id from bound)
                order by c.created_at desc, c.id desc limit :fetch
            )
            """.replace("%5$d", PROBE_HEADS_LIMIT_SQL) + PAGE;

    @Inject
    PostQueries posts;

    @Inject
    GraphService graph;

    @Inject
    EntityManager em;

    /**
     * The caller's own posts and those of the accounts they follow (accepted follows only).
     *
     * @param cursor the {@link HomeCursor} of the page before, or null for the first page
     */
    @Transactional
    public Page<PostView> home(long viewer, String limit, String cursor) {
        HomeCursor after = HomeCursor.decode(cursor);
        PageRequest page = new PageRequest(PageRequest.of(limit, null).limit(), after == null ? null : after.position());
        if (after == null || !after.merged()) {
            List<Tuple> walked = rows(WALK_SQL, viewer, page);
            if (walked.size() == page.fetchSize()) {
                return posts.page(walked, page, row -> cursorOf(row, false));
            }
        }
        return posts.page(rows(MERGE_SQL, viewer, page), page, row -> cursorOf(row, true));
    }

    private List<Tuple> rows(String sql, long viewer, PageRequest page) {
        return Rows.list(Keyset.query(em, sql.replace(":fetch", Integer.toString(page.fetchSize())),
                "(p.created_at, p.id)", page).setParameter("viewer", viewer));
    }

    private static String cursorOf(Tuple row, boolean merged) {
        return new HomeCursor(new Cursor(Rows.instant(row, "key_at"), Rows.id(row, "key_id")), merged).encode();
    }

    /** The caller's saved posts that they may still see, newest save first. */
    @Transactional
    public Page<PostView> saved(long viewer, PageRequest page) {
        return posts.page("select " + PostQueries.POST_COLUMNS + ", " + Keyset.key("s.created_at", "s.post_id")
                        + " from saved_posts s join posts p on p.id = s.post_id join users u on u.id = p.author_id"
                        + " where s.user_id = :viewer and " + PostQueries.VISIBLE_SQL + " and " + PostQueries.LISTED_SQL + " %s"
                        + " order by s.created_at desc, s.post_id desc",
                "(s.created_at, s.post_id)", page, viewer, query -> { });
    }

    /** Posts listed under a hashtag that the caller may see, newest first. */
    @Transactional
    public Page<PostView> tagged(long viewer, String tag, PageRequest page) {
        String name = TextEntities.tagOf(tag);
        return posts.page("select " + PostQueries.POST_COLUMNS + ", " + Keyset.key("t.post_created_at", "t.post_id")
                        + " from post_tags t join posts p on p.id = t.post_id join users u on u.id = p.author_id"
                        + " where t.tag = :tag and " + PostQueries.VISIBLE_SQL + " and " + PostQueries.LISTED_SQL + " %s"
                        + " order by t.post_created_at desc, t.post_id desc",
                "(t.post_created_at, t.post_id)", page, viewer, query -> query.setParameter("tag", name));
    }

    /** A user's pinned posts, newest pin first: one page of at most 3, visible as their other posts are. */
    @Transactional
    public Page<PostView> pinned(long viewer, String username) {
        long owner = graph.contentOwner(viewer, username, "posts").id;
        return new Page<>(posts.pinned(viewer, owner), null);
    }

    /** One account's posts: 404 across a block, 403 for a private account the caller does not follow. */
    @Transactional
    public Page<PostView> profile(long viewer, String username, PageRequest page) {
        long owner = graph.contentOwner(viewer, username, "posts").id;
        return posts.page("select " + PostQueries.POST_COLUMNS + ", " + Keyset.key("p.created_at", "p.id") + FROM
                        + "p.author_id = :owner and " + PostQueries.LISTED_SQL + " %s order by p.created_at desc, p.id desc",
                "(p.created_at, p.id)", page, viewer, query -> query.setParameter("owner", owner));
    }

    /** The caller's archived posts, most recently archived first. */
    @Transactional
    public Page<PostView> archive(long viewer, PageRequest page) {
        return posts.page("select " + PostQueries.POST_COLUMNS + ", " + Keyset.key("p.archived_at", "p.id") + FROM
                        + "p.author_id = :viewer and p.archived_at is not null %s order by p.archived_at desc, p.id desc",
                "(p.archived_at, p.id)", page, viewer, query -> { });
    }
}
