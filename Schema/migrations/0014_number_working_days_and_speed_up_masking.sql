-- Faster reports: the causes of the last round's regressions (BENCHMARKS.md, "Reporting views after the regression fix").
--
-- 1. Working days numbered once. A clock's age "in working days as of today" is n(today) - n(due), with n the
--    working days up to a day. The views numbered the whole calendar with a window function on every read and
--    joined it to every row; the projector now stores n beside each day when it fills the table (at install and
--    on every calendar import), so an age is two primary-key lookups. Rows filled before this migration are
--    numbered here, exactly as the window numbered them.
--
-- 2. Masking without a regular expression where none can match. `masked_text` runs four regular expressions
--    over every text cell of every view (0010), about 5 µs a cell, most of them agency codes, case ids and
--    titles that no pattern can touch. Every pattern needs at least 7 characters, and either 11 digits in a
--    row (an ID number, a mobile) or a province's character followed by a Latin letter (a plate): one cheap
--    test of that lets a cell without them come back as it is. The function stays a single SQL expression and
--    not STRICT (a STRICT function with a CASE is not inlined), so the planner still inlines it. The views
--    also leave the columns of the application's own codes and labels alone (ReportingView+Masking.swift).
--
-- 3. Names of recorded parties in free text. `masked_names` finds in a cell the names it is given (grouped by
--    their first two characters, so a cell costs one lookup per pair of characters) and replaces each by its
--    masked form (张三丰 -> 张**), longest first. The views pass it the names of individual parties of every
--    case (the cases projection's `case_party_names`), built once a query, and call it only for a cell holding
--    one of the names' first characters (ReportingView+Masking.swift). The names come as an argument, not
--    read by the function: a view reads projections with its owner's rights, a function with its caller's.

SET LOCAL ROLE jointops_owner;

CREATE OR REPLACE FUNCTION reporting.masked_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN length(value) < 7 OR value !~ '[0-9]{11}|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-z]'
        THEN value
        ELSE regexp_replace(regexp_replace(regexp_replace(regexp_replace(value,
            '(?<![0-9])([0-9]{3})[0-9]{11}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])', '\1***********\2', 'g'),
            '(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])', '\1****\2', 'g'),
            '([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-Za-z])[·•. ]?([A-Za-z0-9])[A-Za-z0-9]{4}([A-Za-z0-9])(?![A-Za-z0-9])',
            '\1\2·\3****\4', 'g'),
            '([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-Za-z])[·•. ]?([A-Za-z0-9])[A-Za-z0-9]{3}([A-Za-z0-9])(?![A-Za-z0-9*])',
            '\1\2·\3***\4', 'g')
    END
$$;

CREATE FUNCTION reporting.masked_names(value text, names_by_head jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_found text[] := ARRAY[]::text[];
    v_name text;
    v_result text := value;
BEGIN
    IF value IS NULL OR names_by_head IS NULL THEN
        RETURN value;
    END IF;
    FOR i IN 1 .. length(value) - 1 LOOP
        IF names_by_head ? substr(value, i, 2) THEN
            FOR v_name IN SELECT jsonb_array_elements_text(names_by_head -> substr(value, i, 2)) LOOP
                IF strpos(value, v_name) > 0 AND NOT v_name = ANY (v_found) THEN
                    v_found := v_found || v_name;
                END IF;
            END LOOP;
        END IF;
    END LOOP;
    FOR v_name IN SELECT n FROM unnest(v_found) n ORDER BY length(n) DESC, n LOOP
        v_result := replace(v_result, v_name, left(v_name, 1) || regexp_replace(substr(v_name, 2), '[^·• ]', '*', 'g'));
    END LOOP;
    RETURN v_result;
END
$$;

COMMENT ON FUNCTION reporting.masked_names(text, jsonb) IS
    '脱敏 Masks every name of names_by_head (names by their first two characters) found in the text, longest first: 张三丰 -> 张**.';

GRANT EXECUTE ON FUNCTION reporting.masked_names(text, jsonb) TO PUBLIC;

-- The table belongs to the projector (0008), which fills it.
SET LOCAL ROLE jointops_projector;

ALTER TABLE projections.working_days ADD COLUMN working_day_number integer;

COMMENT ON COLUMN projections.working_days.working_day_number IS
    'Working days from the first day of the table up to and including this day: n(b) - n(a) counts those after a up to b.';

UPDATE projections.working_days w
SET working_day_number = numbered.n
FROM (SELECT day, (count(*) FILTER (WHERE is_working_day) OVER (ORDER BY day))::int AS n
      FROM projections.working_days) numbered
WHERE numbered.day = w.day;

-- Back to the owner, which records the migration (0008).
SET LOCAL ROLE jointops_owner;
