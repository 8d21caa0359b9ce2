using Harrier.Engine.Scanning;

namespace Harrier.Engine.Tests.Scanning;

public sealed class ResponseHashTests
{
    [Theory]
    [InlineData("<form><input type=\"hidden\" name=\"csrf\" value=\"a1b2\"></form>", "<form><input type=\"hidden\" name=\"csrf\" value=\"z9y8x7\"></form>")]
    [InlineData("<input type=hidden name=t value=abc>", "<input type=hidden name=t value=def>")]
    [InlineData("<script nonce=\"r4nd0m\">x()</script>", "<script nonce=\"0th3r\">x()</script>")]
    [InlineData("<p>a  b</p>\n", "<p>a\r\n\tb</p>")]
    public void Normalize_MasksVolatileParts(string first, string second) =>
        Assert.Equal(ResponseHash.Normalize(first), ResponseHash.Normalize(second));

    [Theory]
    [InlineData("<p>Results for shoes</p>", "<p>Results for boots</p>")]
    [InlineData("<input type=\"text\" name=\"q\" value=\"a\">", "<input type=\"text\" name=\"q\" value=\"b\">")]
    [InlineData("<a href='/one'>x</a>", "<a href='/one'>x</a><a href='/two'>y</a>")]
    public void Normalize_KeepsWhatMatters(string first, string second) =>
        Assert.NotEqual(ResponseHash.Normalize(first), ResponseHash.Normalize(second));
}
