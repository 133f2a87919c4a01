# data/division_sql.awk: data/division.csv (code,name,level) as the install
# script's last statements: the shipped list, then the starting rows of
# perfeval.division.  Run by the Makefile.
BEGIN {
	FS = ","
	print "-- Division names shipped with the extension: data/division.csv (data/PROVENANCE.md)."
	print "INSERT INTO perfeval_internal.division_shipped (code, name) VALUES"
}
# Seven names have a character GB2312 lacks: written with chr() ('湾' ||
# chr(27802) || '区'), evaluated as the row is inserted, so that the
# install script converts to EUC_CN and parses there, and an EUC_CN
# database is refused by name by its first statement (section 10), not by
# the conversion.  (A U&'' escape would not do: the whole script is parsed
# before its first statement runs, and the parser converts escapes.)
NR == 1 {
	split("沚 27802 埇 22471 瀍 28685 浉 27977 硚 30810 猇 29447 鄠 37152", r, " ")
	for (i = 1; i in r; i += 2)
		esc[r[i]] = r[i + 1]
}
NR > 1 {
	gsub(/'/, "''", $2)
	for (c in esc)
		gsub(c, "' || chr(" esc[c] ") || '", $2)
	printf "%s\t('%s', '%s')", (n++ ? ",\n" : ""), $1, $2
}
END {
	print ";"
	print "INSERT INTO perfeval.division (code, name) SELECT code, name FROM perfeval_internal.division_shipped ORDER BY code;"
}
