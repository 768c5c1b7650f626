-- A post marked sensitive shows behind its warning; an author may hide the post's like count from others.
-- (Columns with a constant default: no table rewrite.)
alter table posts
    add column sensitive boolean not null default false,
    add column content_warning varchar(200),
    add column hide_like_count boolean not null default false,
    add constraint posts_warning_marks_sensitive check (content_warning is null or sensitive);
