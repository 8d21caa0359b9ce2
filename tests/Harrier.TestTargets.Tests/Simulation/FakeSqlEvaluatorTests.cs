using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class FakeSqlEvaluatorTests
{
    public static TheoryData<string, long[]> Selections => new()
    {
        { "id = 1", [1] },
        { "id = 1 AND 1=1", [1] },
        { "id = 1 AND 1=2", [] },
        { "id = 1 OR 1=1", [1, 2, 3, 4, 5] },
        { "id = 1 OR 1=1-- comment", [1, 2, 3, 4, 5] },
        { "id = 1/**/AND/**/2>1", [1] },
        { "id = 2 AND (3-1)=2", [2] },
        { "id = 1 && 'a'='a'", [1] },
        { "id = 1 AND LENGTH('abc')=3", [1] },
        { "id = 1 AND ASCII('a')=97", [1] },
        { "id = 1 AND NOT 1=2", [1] },
        { "name = 'widget'", [1] },
        { "name = 'widget' AND 'a'='a'", [1] },
        { "name = 'widget' AND 'a'='b'", [] },
        { "name = '' OR '1'='1'", [1, 2, 3, 4, 5] },
        { "name = 'g%' OR name LIKE 'g%'", [2, 3] },
        { "id = price", [] },
        { "id = 6-5", [1] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public void Select_EvaluatesTheClause(string clause, long[] expectedIds)
    {
        // Act
        var rows = FakeSqlEvaluator.Select(clause);

        // Assert
        Assert.NotNull(rows);
        Assert.Equal(expectedIds, rows.Select(r => r.Id));
    }

    [Theory]
    [InlineData("id = 1'")]
    [InlineData("id = 1 AND")]
    [InlineData("id = 1)")]
    [InlineData("id = (1")]
    [InlineData("id = 1 UNION SELECT 1")]
    [InlineData("id = 1AND1=1")]
    [InlineData("id = 1 AND NOSUCH(1)=1")]
    [InlineData("id = 1 /* open comment")]
    [InlineData("name = 'widget")]
    [InlineData("id = <script>")]
    public void Select_InvalidSql_ReturnsNull(string clause)
    {
        // Act + Assert
        Assert.Null(FakeSqlEvaluator.Select(clause));
    }
}
