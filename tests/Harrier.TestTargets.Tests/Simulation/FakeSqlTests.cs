using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class FakeSqlTests
{
    [Theory]
    [InlineData("MySql", "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version")]
    [InlineData("PostgreSql", "ERROR:  unterminated quoted string at or near")]
    [InlineData("Sqlite", "unrecognized token:")]
    [InlineData("SqlServer", "Unclosed quotation mark after the character string")]
    [InlineData("Oracle", "ORA-01756: quoted string not properly terminated")]
    public void FindError_OddQuote_ReturnsTheDialectsMessage(string dialectName, string expected)
    {
        var dialect = Enum.Parse<SqlDialect>(dialectName);

        // Act
        var stringContext = FakeSql.FindError(dialect, "widget'", numeric: false);
        var numericContext = FakeSql.FindError(dialect, "1'", numeric: true);

        // Assert
        Assert.Contains(expected, stringContext, StringComparison.Ordinal);
        Assert.Contains(expected, numericContext, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("widget", false)]
    [InlineData("o''brien", false)]
    [InlineData("widget' AND 'a'='a", false)]
    [InlineData("widget'-- ", false)]
    [InlineData("1", true)]
    [InlineData("1 AND 1=1", true)]
    [InlineData("(1)", true)]
    [InlineData("-1 OR 2>1", true)]
    public void FindError_ValidSql_ReturnsNull(string value, bool numeric)
    {
        foreach (var dialect in Enum.GetValues<SqlDialect>())
        {
            Assert.Null(FakeSql.FindError(dialect, value, numeric));
        }
    }

    [Theory]
    [InlineData("MySql", "widget\\", "SQL syntax")]
    [InlineData("PostgreSql", "1)", "syntax error at or near")]
    [InlineData("SqlServer", "widget\"", null)]
    [InlineData("PostgreSql", "abc", "column \"abc\" does not exist")]
    [InlineData("Oracle", "abc", "ORA-00904: \"ABC\": invalid identifier")]
    [InlineData("MySql", "abc", "Unknown column 'abc'")]
    public void FindError_OtherMistakes(string dialectName, string value, string? expected)
    {
        var dialect = Enum.Parse<SqlDialect>(dialectName);

        // Act
        var error = FakeSql.FindError(dialect, value, numeric: value is "1)" or "abc");

        // Assert
        if (expected is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }
}
