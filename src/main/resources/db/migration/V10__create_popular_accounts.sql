-- The popular public accounts that /suggestions offers after the accounts your follows follow: recomputed
-- every so often (graph/PopularAccounts) so a request reads a short ranked list instead of sorting users.
create table popular_accounts (
    position    integer     primary key,
    user_id     bigint      not null references users (id) on delete cascade,
    computed_at timestamptz not null default now()
);

create index popular_accounts_user on popular_accounts (user_id);
