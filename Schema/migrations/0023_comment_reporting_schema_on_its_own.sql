-- The comment analysts read on schema `reporting` (`\dn+ reporting`) stands on its own: 0003's pointed to a
-- document that is not in the repository. Only the text changes; 0003 stays as it was applied.
SET LOCAL ROLE jointops_owner;

COMMENT ON SCHEMA reporting IS '报表视图 Reporting views: the analysts'' stable interface (\d+ reporting.VIEW describes every column). '
    'Personal data is masked here: resident ID numbers, mobile numbers and plates in every text column '
    '(reporting.masked_text), and the names of individual parties in free text (reporting.masked_names).';
