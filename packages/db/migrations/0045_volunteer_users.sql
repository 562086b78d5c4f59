-- Issue 11 item 10: a staff account of the volunteer role (the demo's volunteer.demo) linked to
-- its volunteer record, so its 工作台 shows that volunteer's posts, sign-ups, claims, hours and
-- certificates. One record per account.
ALTER TABLE volunteers ADD COLUMN user_id uuid UNIQUE REFERENCES users(id);
