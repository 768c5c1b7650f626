-- Deactivated accounts, by id: lists that start from follows (the home feed's followed accounts) leave them
-- out with one probe of this small index per row, instead of reading each account's row.
create index users_deactivated on users (id) where deactivated_at is not null;
