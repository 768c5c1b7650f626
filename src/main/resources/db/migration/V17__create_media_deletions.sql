-- Files kept for a while after their rows went: what a moderator removed stays reviewable (the case shows its
-- media) for a grace period, then the files are deleted. Each instance deletes due files in batches claimed
-- with FOR UPDATE SKIP LOCKED.
create table media_deletions (
    file   varchar(200) not null primary key,
    due_at timestamptz  not null
);
create index media_deletions_due on media_deletions (due_at);
