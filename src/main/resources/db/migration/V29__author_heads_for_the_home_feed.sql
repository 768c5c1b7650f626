-- Each account's newest listed post (not archived), for the home feed's merge (feed/FeedService.MERGE_SQL): it
-- reads these rows instead of probing posts_author_created once per followed account, so accounts that never
-- posted cost nothing and an account whose newest post is older than the page's cursor needs no probe at all.
-- Kept by a trigger on posts; one row per account that has a listed post.
create table author_heads (
    author_id  bigint primary key references users (id) on delete cascade,
    created_at timestamptz not null,
    id         bigint not null
);

create function shutter_author_head() returns trigger language plpgsql as $$
declare
    author bigint := case when tg_op = 'DELETE' then old.author_id else new.author_id end;
begin
    if tg_op = 'UPDATE' and new.archived_at is not distinct from old.archived_at then
        return null;
    end if;
    -- the author's row first, as every change of a post takes it (post/PostService: the counter, the owner's
    -- lock): one author's head changes queue behind it instead of deadlocking a create against a delete
    perform 1 from users where id = author for no key update;
    if tg_op <> 'DELETE' and new.archived_at is null then
        -- a new or unarchived post: the head if it is newer than the one kept
        insert into author_heads (author_id, created_at, id) values (author, new.created_at, new.id)
        on conflict (author_id) do update set created_at = excluded.created_at, id = excluded.id
        where (excluded.created_at, excluded.id) > (author_heads.created_at, author_heads.id);
    elsif exists (select 1 from author_heads h where h.author_id = author and h.id = old.id) then
        -- the head left the lists (deleted or archived): the next newest listed post takes its place, if any
        delete from author_heads where author_id = author;
        insert into author_heads (author_id, created_at, id)
        select p.author_id, p.created_at, p.id from posts p
        where p.author_id = author and p.archived_at is null
        order by p.created_at desc, p.id desc limit 1;
    end if;
    return null;
end
$$;

create trigger posts_author_head after insert or delete or update of archived_at on posts
    for each row execute function shutter_author_head();

insert into author_heads (author_id, created_at, id)
select distinct on (author_id) author_id, created_at, id from posts
where archived_at is null
order by author_id, created_at desc, id desc;
