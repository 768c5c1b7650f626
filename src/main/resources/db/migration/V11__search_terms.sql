-- User search reads one ordered index. Every active account is filed under each word of its username and of
-- its name, together with the rest of the text after that word ("chloe oberg" and "oberg" for "Chloé Öberg"),
-- folded (lower case, no accents) with punctuation read as spaces. A query matches the terms it is a prefix
-- of, so a page is one range of the (term, user_id) btree read in order and costs the page, not the number of
-- matching accounts. The username-prefix btree and name trigram index this replaces found every match and
-- sorted them: a prefix that every account shares read every account.

-- The text as terms compare it: folded, runs of white space and ASCII punctuation as one space, trimmed.
create function shutter_search_text(text) returns text
    language sql immutable parallel safe strict
    return btrim(regexp_replace(shutter_fold($1), '[[:space:]!-/:-@\[-`{-~]+', ' ', 'g'));

-- Each word of the text with the words after it: 'jean luc picard', 'luc picard', 'picard'.
create function shutter_search_terms(text) returns setof text
    language sql immutable parallel safe strict as $$
    select array_to_string(w.words[i:], ' ')
    from (select string_to_array(nullif(shutter_search_text($1), ''), ' ') as words) w,
         generate_subscripts(w.words, 1) as i
$$;

create table user_search_terms (
    term    text collate "C" not null,
    user_id bigint           not null references users (id) on delete cascade,
    primary key (term, user_id)
);

-- an account's terms: replaced when its username or name changes, dropped while it is deactivated
create index user_search_terms_user on user_search_terms (user_id, term);

-- A trigger rather than application code, so that every way a row changes (the API, bulk loads, a restore)
-- keeps the terms exact in the same transaction.
create function shutter_file_search_terms() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from user_search_terms where user_id = new.id;
    end if;
    if new.deactivated_at is null then
        insert into user_search_terms (term, user_id)
        select t.term, new.id
        from (select shutter_search_terms(new.username) as term
              union
              select shutter_search_terms(new.name)) t;
    end if;
    return null;
end
$$;

create trigger users_search_terms_insert after insert on users
    for each row execute function shutter_file_search_terms();
-- only when the filed text or the state changes: counters and other columns are updated far more often
create trigger users_search_terms_update after update on users
    for each row
    when (old.username is distinct from new.username or old.name is distinct from new.name
          or (old.deactivated_at is null) <> (new.deactivated_at is null))
    execute function shutter_file_search_terms();

insert into user_search_terms (term, user_id)
select t.term, u.id
from users u,
     lateral (select shutter_search_terms(u.username) as term
              union
              select shutter_search_terms(u.name)) t
where u.deactivated_at is null;

drop index users_username_prefix;
drop index users_name_trgm;
