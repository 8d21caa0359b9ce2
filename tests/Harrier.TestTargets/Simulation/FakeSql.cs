namespace Harrier.TestTargets.Simulation;

/// <summary>
/// Simulated string-concatenated SQL. Nothing is executed: the query text is only scanned for the mistakes a real
/// parser would reject (an unterminated string, unbalanced parentheses, a bare word where a number belongs) and the
/// matching, realistic database error message is produced.
/// </summary>
internal static class FakeSql
{
    private const int NearLength = 60;

    /// <summary>Builds the query the vulnerable code would send.</summary>
    public static string Concatenate(string value, bool numeric, string column = "name", string table = "products") =>
        numeric
            ? $"SELECT id, name, price FROM {table} WHERE {column} = {value} ORDER BY id"
            : $"SELECT id, name, price FROM {table} WHERE {column} = '{value}' ORDER BY name";

    /// <summary>The error a real database of this dialect would report for the concatenated query, or null when it would run.</summary>
    public static string? FindError(SqlDialect dialect, string value, bool numeric, string column = "name", string table = "products")
    {
        var sql = Concatenate(value, numeric, column, table);
        var valueStart = sql.IndexOf(numeric ? "= " : "= '", StringComparison.Ordinal) + (numeric ? 2 : 3);
        var problem = Scan(sql, dialect);
        if (problem is { } p)
        {
            var near = Near(sql, p.Position);
            return p.Kind switch
            {
                ProblemKind.UnterminatedString => Unterminated(dialect, near),
                _ => Syntax(dialect, near),
            };
        }

        if (numeric)
        {
            var trimmed = value.TrimStart();
            if (trimmed.Length == 0 || !(char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '(' or '-' or '+' or '.'))
            {
                var word = FirstWord(trimmed);
                return word.Length == 0 ? Syntax(dialect, Near(sql, valueStart)) : UnknownColumn(dialect, word);
            }
        }

        return null;
    }

    private static string Unterminated(SqlDialect dialect, string near) => dialect switch
    {
        SqlDialect.MySql => "SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; " +
            $"check the manual that corresponds to your MySQL server version for the right syntax to use near '{near}' at line 1",
        SqlDialect.PostgreSql => $"Warning: pg_query(): Query failed: ERROR:  unterminated quoted string at or near \"{near}\"\nLINE 1: {near}",
        SqlDialect.Sqlite => $"Warning: SQLite3::query(): Unable to prepare statement: 1, unrecognized token: \"{near}\"",
        SqlDialect.SqlServer => "Microsoft OLE DB Provider for ODBC Drivers error '80040e14'\n" +
            $"[Microsoft][ODBC SQL Server Driver][SQL Server]Unclosed quotation mark after the character string '{near}'.",
        _ => "Warning: oci_execute(): ORA-01756: quoted string not properly terminated",
    };

    private static string Syntax(SqlDialect dialect, string near) => dialect switch
    {
        SqlDialect.MySql => "SQLSTATE[42000]: Syntax error or access violation: 1064 You have an error in your SQL syntax; " +
            $"check the manual that corresponds to your MySQL server version for the right syntax to use near '{near}' at line 1",
        SqlDialect.PostgreSql => $"Warning: pg_query(): Query failed: ERROR:  syntax error at or near \"{near}\"\nLINE 1: {near}",
        SqlDialect.Sqlite => $"Warning: SQLite3::query(): Unable to prepare statement: 1, near \"{near}\": syntax error",
        SqlDialect.SqlServer => "Microsoft OLE DB Provider for ODBC Drivers error '80040e14'\n" +
            $"[Microsoft][ODBC SQL Server Driver][SQL Server]Incorrect syntax near '{near}'.",
        _ => "Warning: oci_execute(): ORA-00933: SQL command not properly ended",
    };

    private static string UnknownColumn(SqlDialect dialect, string word) => dialect switch
    {
        SqlDialect.MySql => $"SQLSTATE[42S22]: Column not found: 1054 Unknown column '{word}' in 'where clause'",
        SqlDialect.PostgreSql => $"Warning: pg_query(): Query failed: ERROR:  column \"{word}\" does not exist",
        SqlDialect.Sqlite => $"Warning: SQLite3::query(): Unable to prepare statement: 1, no such column: {word}",
        SqlDialect.SqlServer => $"[Microsoft][ODBC SQL Server Driver][SQL Server]Invalid column name '{word}'.",
        _ => $"Warning: oci_execute(): ORA-00904: \"{word.ToUpperInvariant()}\": invalid identifier",
    };

    private static string Near(string sql, int position)
    {
        var rest = sql[Math.Clamp(position, 0, sql.Length)..];
        return rest.Length > NearLength ? rest[..NearLength] : rest;
    }

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text[..end];
    }

    /// <summary>A single left-to-right pass: strings (with '' and, for MySQL, backslash escapes), comments, parentheses.</summary>
    private static (ProblemKind Kind, int Position)? Scan(string sql, SqlDialect dialect)
    {
        var depth = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '\'' || (c == '"' && dialect != SqlDialect.MySql))
            {
                var start = i;
                var quote = c;
                var closed = false;
                for (i++; i < sql.Length; i++)
                {
                    if (dialect == SqlDialect.MySql && sql[i] == '\\')
                    {
                        i++;
                        continue;
                    }

                    if (sql[i] == quote)
                    {
                        if (i + 1 < sql.Length && sql[i + 1] == quote)
                        {
                            i++;
                            continue;
                        }

                        closed = true;
                        break;
                    }
                }

                if (!closed)
                {
                    return (ProblemKind.UnterminatedString, start);
                }
            }
            else if (c == '"' /* MySQL: double-quoted string */)
            {
                var end = sql.IndexOf('"', i + 1);
                if (end < 0)
                {
                    return (ProblemKind.UnterminatedString, i);
                }

                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                break;
            }
            else if (c == '#' && dialect == SqlDialect.MySql)
            {
                break;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return (ProblemKind.Syntax, i);
                }

                i = end + 1;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth < 0)
            {
                return (ProblemKind.Syntax, i);
            }
        }

        return depth == 0 ? null : (ProblemKind.Syntax, sql.Length);
    }

    private enum ProblemKind
    {
        UnterminatedString,
        Syntax,
    }
}
