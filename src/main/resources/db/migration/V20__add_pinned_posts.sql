-- Up to 3 pinned posts per account, listed above the others (newest pin first).
alter table posts add column pinned_at timestamptz;
create index posts_pinned on posts (author_id, pinned_at desc, id desc) where pinned_at is not null;
