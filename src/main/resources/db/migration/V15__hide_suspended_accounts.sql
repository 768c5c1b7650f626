-- Suspension hides an account as deactivation does, but deletes nothing: hidden_at is what every read checks
-- ("is this account shown to others"), set while an account is deactivated or suspended. deactivated_at keeps
-- meaning "deleted" (its email and username are free or reserved by it, it cannot log in).
alter table users add column hidden_at timestamptz,
    -- suspended while suspended_at is set; until suspended_until, or indefinitely when that is null
    add column suspended_at timestamptz,
    add column suspended_until timestamptz,
    add constraint users_suspension check (suspended_until is null or suspended_at is not null);
update users set hidden_at = deactivated_at where deactivated_at is not null;

-- Hidden accounts, by id: lists that start from follows (the home feed's followed accounts) leave them out with
-- one probe of this small index per row. It replaces the index of deactivated accounts.
create index users_hidden on users (id) where hidden_at is not null;
drop index users_deactivated;
-- the suspensions that end by themselves, soonest first
create index users_suspension_ends on users (suspended_until) where suspended_until is not null;

-- Search terms follow hidden_at now: a suspended account leaves the search and comes back when unsuspended.
create or replace function shutter_file_search_terms() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from user_search_terms where user_id = new.id;
    end if;
    if new.hidden_at is null then
        insert into user_search_terms (term, user_id)
        select t.term, new.id
        from (select shutter_search_terms(new.username) as term
              union
              select shutter_search_terms(new.name)) t;
    end if;
    return null;
end
$$;

drop trigger users_search_terms_update on users;
create trigger users_search_terms_update after update on users
    for each row
    when (old.username is distinct from new.username or old.name is distinct from new.name
          or (old.hidden_at is null) <> (new.hidden_at is null))
    execute function shutter_file_search_terms();
