-- What a user sees of their sessions: the client that started each one (its user agent and its network, not the
-- exact address) and when its tokens were last refreshed (written by refreshes only: authenticating a request
-- writes nothing).
alter table sessions
    add column user_agent varchar(300),
    add column client_network varchar(64),
    add column last_refreshed_at timestamptz;

-- an account's live sessions, newest first (the list, and ending them all)
drop index sessions_user_id_active;
create index sessions_user_live on sessions (user_id, created_at desc, id desc) where revoked_at is null;
