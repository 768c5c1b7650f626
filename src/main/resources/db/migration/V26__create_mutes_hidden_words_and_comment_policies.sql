-- Muting an account: its posts leave the muter's home feed and explore, its stories the tray, or both. The
-- muted account is not told and sees nothing change.
create table mutes (
    muter_id   bigint      not null references users (id) on delete cascade,
    muted_id   bigint      not null references users (id) on delete cascade,
    posts      boolean     not null,
    stories    boolean     not null,
    created_at timestamptz not null default clock_timestamp(),
    primary key (muter_id, muted_id),
    constraint mutes_something check (posts or stories),
    constraint mutes_not_self check (muter_id <> muted_id)
);
-- the muter's list, newest first
create index mutes_muter_created on mutes (muter_id, created_at desc, muted_id desc);

-- Words and phrases an account hides from the comments on its posts: matched as whole words after case and accent
-- folding (shutter_fold, V11). The pattern is the folded phrase as a regular expression, built once here.
create table hidden_words (
    user_id    bigint       not null references users (id) on delete cascade,
    phrase     varchar(100) not null,
    pattern    text         not null,
    created_at timestamptz  not null default clock_timestamp(),
    primary key (user_id, pattern)
);

-- A comment containing one of its post author's hidden words: shown to its own author only. Set when it is written
-- and again for every comment on the author's posts when the author changes the list.
alter table comments add column hidden_by_words boolean not null default false;

-- Who may comment on a post.
alter table posts add column comment_policy varchar(9) not null default 'everyone',
    add constraint posts_comment_policy check (comment_policy in ('everyone', 'followers', 'off'));

-- The pattern of a phrase: folded, its punctuation escaped, any run of spaces as one, whole words at the ends
-- that are word characters.
create function shutter_word_pattern(phrase text) returns text
    language sql immutable parallel safe strict
as $$
    select (case when f ~ '^\w' then '\m' else '' end)
        || regexp_replace(regexp_replace(f, '([^[:alnum:][:space:]_])', '\\\1', 'g'), '\s+', '\\s+', 'g')
        || (case when f ~ '\w$' then '\M' else '' end)
    from (select btrim(shutter_fold(phrase)) as f) folded
$$;
