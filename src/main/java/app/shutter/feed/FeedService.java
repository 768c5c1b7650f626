package app.shutter.feed;

import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.graph.GraphService;
import app.shutter.post.PostQueries;
import app.shutter.post.PostView;
import app.shutter.post.TextEntities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Lists of posts, newest first, each one keyset query on (created_at, id) plus one for the media. */
@ApplicationScoped
public class FeedService {

    private static final String FROM = " from posts p join users u on u.id = p.author_id where ";

    /** The home feed's posts statement (the benchmark EXPLAINs exactly this); %s takes the cursor predicate. */
    public static final String HOME_SQL = "select " + PostQueries.POST_COLUMNS + ", p.created_at, p.id" + FROM + """
            u.deactivated_at is null and (p.author_id = :viewer or p.author_id in
                (select f.followee_id from follows f where f.follower_id = :viewer and f.status = 'accepted'))
            %s order by p.created_at desc, p.id desc""";

    @Inject
    PostQueries posts;

    @Inject
    GraphService graph;

    /** The caller's own posts and those of the accounts they follow (accepted follows only). */
    @Transactional
    public Page<PostView> home(long viewer, PageRequest page) {
        return posts.page(HOME_SQL, "(p.created_at, p.id)", page, viewer, query -> { });
    }

    /** The caller's saved posts that they may still see, newest save first. */
    @Transactional
    public Page<PostView> saved(long viewer, PageRequest page) {
        return posts.page("select " + PostQueries.POST_COLUMNS + ", s.created_at, s.post_id"
                        + " from saved_posts s join posts p on p.id = s.post_id join users u on u.id = p.author_id"
                        + " where s.user_id = :viewer and " + PostQueries.VISIBLE_SQL + " %s"
                        + " order by s.created_at desc, s.post_id desc",
                "(s.created_at, s.post_id)", page, viewer, query -> { });
    }

    /** Posts listed under a hashtag that the caller may see, newest first. */
    @Transactional
    public Page<PostView> tagged(long viewer, String tag, PageRequest page) {
        String name = TextEntities.tagOf(tag);
        return posts.page("select " + PostQueries.POST_COLUMNS + ", t.post_created_at, t.post_id"
                        + " from post_tags t join posts p on p.id = t.post_id join users u on u.id = p.author_id"
                        + " where t.tag = :tag and " + PostQueries.VISIBLE_SQL + " %s"
                        + " order by t.post_created_at desc, t.post_id desc",
                "(t.post_created_at, t.post_id)", page, viewer, query -> query.setParameter("tag", name));
    }

    /** One account's posts: 404 across a block, 403 for a private account the caller does not follow. */
    @Transactional
    public Page<PostView> profile(long viewer, String username, PageRequest page) {
        long owner = graph.contentOwner(viewer, username, "posts").id;
        return posts.page("select " + PostQueries.POST_COLUMNS + ", p.created_at, p.id" + FROM
                        + "p.author_id = :owner %s order by p.created_at desc, p.id desc",
                "(p.created_at, p.id)", page, viewer, query -> query.setParameter("owner", owner));
    }
}
