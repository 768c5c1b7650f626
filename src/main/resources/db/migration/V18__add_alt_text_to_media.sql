-- Alt text: a description of each photo or video for people who cannot see it (screen readers, failed loads).
alter table post_media add column alt_text varchar(1000);
alter table stories add column alt_text varchar(1000);
