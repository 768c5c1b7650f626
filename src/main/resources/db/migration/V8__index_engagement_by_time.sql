-- The discovery ranking (feed/ExploreRanking) counts each recent post's likes and comments inside the
-- engagement window. Counting them per post took one index probe per post and kind (~0.8 s of a core at
-- 1 M posts, every refresh); with these it reads only the window's rows, once, and groups them.
-- (post_id included so the grouping reads the index alone.)
create index post_likes_created on post_likes (created_at) include (post_id);
create index comments_created on comments (created_at) include (post_id);
