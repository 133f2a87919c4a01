-- Section 86: one command per file (1.16, issue 26).  A form's CSV file as
-- Excel on a Chinese Windows desk writes it -- "CSV UTF-8" with its
-- byte-order mark or "CSV" in GB18030, trailing empty columns, CRLF,
-- columns in another order and the other spellings real templates use
-- (年度指标值, 实际值, 权重, 偏差原因分析 ...), merged 项目编码 cells, blank
-- rows -- is staged as it is:
--
--   \set f `base64 -w0 自评表.csv`
--   SELECT * FROM perfeval.stage_file(decode(:'f', 'base64'), '自评表.csv');
--
-- The file is read by the core (src/pe_csv.c: the encoding from the bytes,
-- the layout from the header) and every row staged by the staging views'
-- own code (src/form.c, pe_stage_values(): the row's line in the file, a
-- batch of its own, staged_by, the export's guard quote off; on a Citus
-- cluster through stagebuf.c), as \copy ... (FORMAT csv, HEADER match) of
-- the clean file stages it.  All or nothing: a problem is an error naming
-- the file, line, column and value, and nothing of the file is staged.
--
-- As its caller (not SECURITY DEFINER): the rows are the caller's
-- (staged_by), and the caller needs INSERT on the form_* view the file
-- goes into, as \copy does (the owner; a loader: grant_import(), section
-- 48).  EXECUTE stays PUBLIC's: the function checks that privilege itself.
CREATE FUNCTION perfeval.stage_file(content bytea, file_name text DEFAULT NULL)
	RETURNS TABLE (relation text, rows bigint, encoding text)
	LANGUAGE C VOLATILE ROWS 1 AS 'MODULE_PATHNAME', 'pe_stage_file';

COMMENT ON FUNCTION perfeval.stage_file(bytea, text) IS '暂存一个 Excel 另存的表单 CSV 文件（自动识别编码、表头与表样；合并单元格、空行、多余空列照常读取），返回暂存视图、行数与编码 / Stages one form CSV file as Excel saves it (encoding, header and layout recognised; merged cells, blank rows and trailing empty columns read as meant), returning the staging view, rows and encoding';
