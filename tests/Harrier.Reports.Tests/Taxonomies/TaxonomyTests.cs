using Harrier.Core.Findings;
using Harrier.Reports.Taxonomies;

namespace Harrier.Reports.Tests.Taxonomies;

public sealed class TaxonomyTests
{
    [Theory]
    [InlineData("79", null, 2021, "A03")]
    [InlineData("79", null, 2017, "A7")]
    [InlineData("79", null, 2013, "A3")]
    [InlineData("CWE-89", null, 2013, "A1")]
    [InlineData("1035, 937", null, 2021, "A06")]
    [InlineData("601", null, 2017, null)]
    [InlineData("601", null, 2013, "A10")]
    [InlineData("999999", null, 2021, null)]
    [InlineData(null, "A3", 2021, "A03")]
    [InlineData(null, "A05:2021-Security Misconfiguration", 2021, "A05")]
    [InlineData("79", "A10", 2021, "A10")]
    public void OwaspTopTen_CategoryOf_UsesTheGivenCategoryThenTheCwe(string? cwe, string? owasp2021, int year, string? expected)
    {
        // Act & Assert
        Assert.Equal(expected, OwaspTopTen.CategoryOf(new Classification(cwe, owasp2021, null, null), year));
    }

    [Fact]
    public void Lists_HaveTheirPublishedSizes()
    {
        // Assert
        Assert.Equal(10, OwaspTopTen.Y2021.Count);
        Assert.Equal(10, OwaspTopTen.Y2017.Count);
        Assert.Equal(10, OwaspTopTen.Y2013.Count);
        Assert.Equal(25, CweTopTwentyFive.List.Count);
        Assert.Equal(25, CweTopTwentyFive.List.Select(c => c.Id).Distinct().Count());
        Assert.Equal(49, WascThreats.List.Count);
    }

    [Theory]
    [InlineData("8", "8")]
    [InlineData("WASC-19", "19")]
    [InlineData("WASC-08", "8")]
    [InlineData("99", null)]
    [InlineData("x", null)]
    public void WascThreats_CategoryOf_ReadsTheId(string wasc, string? expected)
    {
        // Act & Assert
        Assert.Equal(expected, WascThreats.CategoryOf(new Classification(null, null, wasc, null)));
    }

    [Fact]
    public void CweTopTwentyFive_CategoryOf_PicksAListedCwe()
    {
        // Act & Assert
        Assert.Equal("89", CweTopTwentyFive.CategoryOf(new Classification("1021, 89", null, null, null)));
        Assert.Null(CweTopTwentyFive.CategoryOf(new Classification("1021", null, null, null)));
    }
}
