// test/jdbc/ScopeCheck.java: what a BI tool sees over JDBC, as a role.
// java -cp postgresql.jar test/jdbc/ScopeCheck.java URL ROLE
// Prints, one per line: every row of project_scores (project, total, grade),
// the count of indicator_scores rows, and the same lookups through one
// server-side prepared statement run ten times (pgjdbc prepares on the
// server from the fifth run, and PostgreSQL may switch to a generic plan),
// one per project of the warehouse that the role may or may not see.
import java.sql.*;
import java.util.*;

public class ScopeCheck {
	public static void main(String[] args) throws Exception {
		Properties p = new Properties();
		p.setProperty("user", args[1]);
		p.setProperty("prepareThreshold", "5");
		try (Connection c = DriverManager.getConnection(args[0], p)) {
			System.err.println(c.getMetaData().getDriverName() + " " + c.getMetaData().getDriverVersion());
			try (Statement s = c.createStatement();
				 ResultSet r = s.executeQuery("SELECT current_user, project_id, total, grade FROM perfeval.project_scores ORDER BY project_id")) {
				while (r.next())
					System.out.println("scores " + r.getString(1) + " " + r.getString(2) + " " + r.getBigDecimal(3) + " " + r.getString(4));
			}
			try (Statement s = c.createStatement();
				 ResultSet r = s.executeQuery("SELECT count(*) FROM perfeval.indicator_scores")) {
				r.next();
				System.out.println("indicators " + r.getLong(1));
			}
			String[] ids = args.length > 2 ? args[2].split(",") : new String[0];
			try (PreparedStatement ps = c.prepareStatement(
					"SELECT count(*), sum(score) FROM perfeval.indicator_scores WHERE project_id = ?")) {
				for (int run = 0; run < 10; run++)
					for (String id : ids) {
						ps.setString(1, id);
						try (ResultSet r = ps.executeQuery()) {
							r.next();
							if (run == 9)
								System.out.println("lookup " + id + " " + r.getLong(1) + " " + r.getBigDecimal(2));
						}
					}
			}
		}
	}
}
