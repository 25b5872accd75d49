-- Masking of personal data in free text for analysts (domain-notes §2.4; DOMAIN.md §6).
--
-- Officers type ID numbers, mobile numbers and plates into descriptions, places and subjects; a person's
-- ID number may even be entered as an organisation's id. Whatever reaches schema `reporting` as text goes
-- through this one function: `ReportingViews.create` wraps every text column of every view in it when the
-- projector (re)creates the views, so a view added later is covered without anyone remembering to.
-- It is a plain SQL function (IMMUTABLE, so the planner inlines it), owned by jointops_owner and executable
-- by everyone: the views run it with their owner's (the projector's) rights.
--
--   18-digit resident ID (last char a digit or X)  650121199001011234 -> 650***********1234
--   mainland mobile 1[3-9] + 9 digits              13812345678        -> 138****5678
--   plate: province, letter, optional ·, 5-6 chars 新G12345 / 新G·12345 -> 新G·1***5 (6 chars: 新G·D****5)
--
-- Lookarounds keep a pattern from firing inside a longer number (a 20-digit account is not an ID), and
-- from eating the character that separates two numbers typed side by side.
SET LOCAL ROLE jointops_owner;

CREATE FUNCTION reporting.masked_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(value,
        '(?<![0-9])([0-9]{3})[0-9]{11}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])', '\1***********\2', 'g'),
        '(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])', '\1****\2', 'g'),
        '([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-Za-z])[·•. ]?([A-Za-z0-9])[A-Za-z0-9]{4}([A-Za-z0-9])(?![A-Za-z0-9])',
        '\1\2·\3****\4', 'g'),
        '([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-Za-z])[·•. ]?([A-Za-z0-9])[A-Za-z0-9]{3}([A-Za-z0-9])(?![A-Za-z0-9*])',
        '\1\2·\3***\4', 'g')
$$;

COMMENT ON FUNCTION reporting.masked_text(text) IS
    '脱敏 Masks resident ID numbers, mobile numbers and plates in free text; every reporting view applies it to its text columns.';

GRANT EXECUTE ON FUNCTION reporting.masked_text(text) TO PUBLIC;
