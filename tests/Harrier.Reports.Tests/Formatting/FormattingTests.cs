using Harrier.Reports.Formatting;

namespace Harrier.Reports.Tests.Formatting;

public sealed class FormattingTests
{
    [Fact]
    public void Excerpt_LongResponse_KeepsHeadersAndTheProofWindow()
    {
        // Arrange
        var body = new string('a', 20_000) + "PROOF" + new string('b', 20_000);
        var response = "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n" + body;

        // Act
        var excerpt = Excerpt.Of(response, "PROOF", 1000);

        // Assert
        Assert.StartsWith("HTTP/1.1 200 OK\r\nServer: x\r\n", excerpt, StringComparison.Ordinal);
        Assert.Contains("PROOF", excerpt, StringComparison.Ordinal);
        Assert.Contains("more characters)", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length < 1200);
    }

    [Fact]
    public void Excerpt_ShortResponse_IsUnchanged()
    {
        // Act & Assert
        Assert.Equal("HTTP/1.1 200 OK\r\n\r\nhi", Excerpt.Of("HTTP/1.1 200 OK\r\n\r\nhi", "hi"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u0000b", "a\uFFFDb")]
    [InlineData("tab\tnew\nline", "tab\tnew\nline")]
    [InlineData("pair \uD83D\uDE00 ok", "pair \uD83D\uDE00 ok")]
    public void XmlChars_Clean_ReplacesOnlyWhatXmlCannotCarry(string input, string expected)
    {
        // Act & Assert
        Assert.Equal(expected, XmlChars.Clean(input));
    }

    [Fact]
    public void XmlChars_Clean_ReplacesALoneSurrogate()
    {
        // Arrange: built at run time, as attribute metadata cannot hold a lone surrogate.
        var input = "lone " + (char)0xD800 + " surrogate";

        // Act & Assert
        Assert.Equal("lone \uFFFD surrogate", XmlChars.Clean(input));
    }

    [Theory]
    [InlineData("https://example.com/a b", "https://example.com/a%20b")]
    [InlineData("http://ok.example/\"><x>", "http://ok.example/%22%3E%3Cx%3E")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>", null)]
    [InlineData("/relative", null)]
    [InlineData("http://x/\u0000", null)]
    public void SafeUrl_ToLink_AllowsOnlyNormalizedHttp(string input, string? expected)
    {
        // Act & Assert
        Assert.Equal(expected, SafeUrl.ToLink(input));
    }

    [Fact]
    public void RichText_Markdown_EscapesSyntaxAndMarkup()
    {
        // Act
        var markdown = RichText.Render("*bold* [x](javascript:y) <b>", ContentFormat.Markdown);

        // Assert
        Assert.Equal("\\*bold\\* \\[x\\]\\(javascript:y\\) &lt;b&gt;", markdown);
    }

    [Fact]
    public void CsvOutput_Escape_QuotesAndDefusesFormulas()
    {
        // Act & Assert
        Assert.Equal("plain", CsvOutput.Escape("plain"));
        Assert.Equal("\"a,b\"", CsvOutput.Escape("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvOutput.Escape("say \"hi\""));
        Assert.Equal("'=1+1", CsvOutput.Escape("=1+1"));
        Assert.Equal("'-2", CsvOutput.Escape("-2"));
    }

    [Fact]
    public void ReportOptions_FormatDate_UsesTheAccountFormatAndZone()
    {
        // Arrange
        var options = new ReportOptions { DateTimeFormat = "yyyy-MM-dd hh:mm tt", TimeZone = TimeZoneInfo.CreateCustomTimeZone("m6", TimeSpan.FromHours(-6), "m6", "m6") };

        // Act & Assert
        Assert.Equal("2024-03-28 03:53 AM", options.FormatDate(TestDocuments.Initiated));
        Assert.Equal("28/03/2024 09:53 AM", ReportOptions.Default.FormatDate(TestDocuments.Initiated));
    }
}
