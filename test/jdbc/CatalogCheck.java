// test/jdbc/CatalogCheck.java: the catalog as a BI tool reads it over JDBC.
// java -cp postgresql.jar test/jdbc/CatalogCheck.java URL ROLE [OWNER-ONLY-VIEWS]
// Lists every view of schema perfeval through DatabaseMetaData (as a BI
// tool's catalog browser does), then reads every row of every view twice:
// in text transfer (simple queries) and in binary transfer (server-side
// prepared from the first run).  Fails, naming the view and column, on a
// view or column without REMARKS, a column of a type the driver does not map
// (java.sql.Types.OTHER or a PGobject value), an error, or a value that reads
// differently in the two modes.  The views named in OWNER-ONLY-VIEWS (comma
// separated: the staging relations, which stay the warehouse owner's) must
// be refused to the role instead (42501), and only they.  Prints one
// summary line.
import java.sql.*;
import java.util.*;

public class CatalogCheck {
	static final Set<Integer> PLAIN = Set.of(Types.VARCHAR, Types.NUMERIC, Types.BIGINT, Types.INTEGER,
			Types.SMALLINT, Types.BIT, Types.BOOLEAN, Types.DATE, Types.TIMESTAMP, Types.DOUBLE);
	static final List<String> problems = new ArrayList<>();

	static Connection connect(String url, String role, boolean binary) throws SQLException {
		Properties p = new Properties();
		p.setProperty("user", role);
		p.setProperty("binaryTransfer", binary ? "true" : "false");
		p.setProperty("prepareThreshold", binary ? "-1" : "0");
		return DriverManager.getConnection(url, p);
	}

	// every row of a view as text lines, checking each column's type and value
	static List<String> read(Connection c, String view, boolean binary) throws SQLException {
		List<String> rows = new ArrayList<>();
		String sql = "SELECT * FROM perfeval." + view;
		try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
			ResultSetMetaData m = r.getMetaData();
			for (int i = 1; i <= m.getColumnCount(); i++)
				if (!PLAIN.contains(m.getColumnType(i)))
					problems.add(view + "." + m.getColumnName(i) + ": type " + m.getColumnTypeName(i)
							+ " has no JDBC mapping (" + m.getColumnType(i) + ")");
			while (r.next()) {
				StringBuilder b = new StringBuilder();
				for (int i = 1; i <= m.getColumnCount(); i++) {
					Object o = r.getObject(i);
					if (o instanceof org.postgresql.util.PGobject)
						problems.add(view + "." + m.getColumnName(i) + ": read as PGobject (" + m.getColumnTypeName(i) + ")");
					b.append(o == null ? "NULL" : o.getClass().getSimpleName() + ":" + o).append('|');
				}
				rows.add(b.toString());
			}
		}
		Collections.sort(rows);
		return rows;
	}

	static int prepared(Connection c) throws SQLException {
		try (Statement s = c.createStatement();
			 ResultSet r = s.executeQuery("SELECT count(*) FROM pg_prepared_statements WHERE NOT from_sql")) {
			r.next();
			return r.getInt(1);
		}
	}

	public static void main(String[] args) throws Exception {
		String url = args[0], role = args[1];
		Set<String> ownerOnly = new HashSet<>(args.length > 2 ? Arrays.asList(args[2].split(",")) : List.of());
		int refused = 0;
		int views = 0, columns = 0, rows = 0;
		String driver;
		try (Connection text = connect(url, role, false); Connection binary = connect(url, role, true)) {
			DatabaseMetaData md = text.getMetaData();
			driver = md.getDriverName() + " " + md.getDriverVersion();
			List<String> names = new ArrayList<>();
			try (ResultSet t = md.getTables(null, "perfeval", "%", new String[] {"VIEW"})) {
				while (t.next()) {
					names.add(t.getString("TABLE_NAME"));
					if (t.getString("REMARKS") == null || t.getString("REMARKS").isBlank())
						problems.add(t.getString("TABLE_NAME") + ": view without REMARKS");
				}
			}
			for (String v : names) {
				try (ResultSet col = md.getColumns(null, "perfeval", v, "%")) {
					while (col.next()) {
						columns++;
						String rem = col.getString("REMARKS");
						if (rem == null || rem.isBlank())
							problems.add(v + "." + col.getString("COLUMN_NAME") + ": column without REMARKS");
						else if (!rem.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
								|| !rem.matches("(?s).*[A-Za-z]{3}.*"))
							problems.add(v + "." + col.getString("COLUMN_NAME") + ": REMARKS not in Chinese and English: " + rem);
					}
				}
				try {
					List<String> a = read(text, v, false), b = read(binary, v, true);
					if (!a.equals(b))
						problems.add(v + ": text and binary transfer read different values");
					if (ownerOnly.contains(v))
						problems.add(v + ": readable by " + role + ", though it is the owner's only");
					rows += a.size();
				} catch (SQLException e) {
					if (ownerOnly.contains(v) && "42501".equals(e.getSQLState()))
						refused++;
					else
						problems.add(v + ": " + e.getSQLState() + " " + e.getMessage());
				}
				views++;
			}
			// the binary connection's statements were prepared on the server
			// (the driver asks for binary results of those), the text one's not
			if (prepared(binary) < views - refused || prepared(text) != 0)
				problems.add("binary transfer not in use: " + prepared(binary) + " server-side statements, text " + prepared(text));
		}
		if (refused != ownerOnly.size())
			problems.add("refused " + refused + " of the " + ownerOnly.size() + " owner-only views");
		if (views < 13 || rows == 0)
			problems.add("too little read: " + views + " views, " + rows + " rows");
		for (String p : problems)
			System.out.println("catalog: " + p);
		if (!problems.isEmpty())
			System.exit(1);
		System.out.println("catalog: " + views + " views, " + columns + " columns, each with REMARKS in Chinese and English, "
				+ rows + " rows read identically in text and binary transfer through " + driver
				+ (refused > 0 ? "; the " + refused + " staging views refused" : ""));
	}
}
