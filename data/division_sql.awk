# data/division_sql.awk: data/division.csv (code,name,level) as the install
# script's last statements: the shipped list, then the starting rows of
# perfeval.division.  Run by the Makefile.
BEGIN {
	FS = ","
	print "-- Division names shipped with the extension: data/division.csv (data/PROVENANCE.md)."
	print "INSERT INTO perfeval_internal.division_shipped (code, name) VALUES"
}
NR > 1 {
	gsub(/'/, "''", $2)
	printf "%s\t('%s', '%s')", (n++ ? ",\n" : ""), $1, $2
}
END {
	print ";"
	print "INSERT INTO perfeval.division (code, name) SELECT code, name FROM perfeval_internal.division_shipped ORDER BY code;"
}
