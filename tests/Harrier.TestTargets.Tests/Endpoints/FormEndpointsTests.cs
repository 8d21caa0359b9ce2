using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class FormEndpointsTests(TargetFixture fixture)
{
    [Fact]
    public async Task AllInputs_HasEveryInputType()
    {
        // Act
        var page = await TargetRequests.GetAsync(fixture.Client, "/forms/all");

        // Assert
        foreach (var type in (string[])["text", "hidden", "password", "email", "number", "url", "tel", "date", "color", "range", "search", "checkbox", "radio", "submit", "image"])
        {
            Assert.Contains($"type=\"{type}\"", page.Body, StringComparison.Ordinal);
        }

        Assert.Contains("<option value=\"nl\" selected>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<select name=\"tags\" multiple>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<textarea name=\"message\">", page.Body, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"action\" value=\"save\">", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_IsAMultipartFormWithAFileInput()
    {
        // Act
        var page = await TargetRequests.GetAsync(fixture.Client, "/forms/upload");

        // Assert
        Assert.Contains("enctype=\"multipart/form-data\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("type=\"file\" name=\"attachment\"", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_EchoesFieldsAndFiles_Encoded()
    {
        // Arrange
        using var content = new MultipartFormDataContent
        {
            { new StringContent("<b>x</b>"), "title" },
            { new ByteArrayContent([1, 2, 3]), "attachment", "a.bin" },
        };

        // Act
        using var response = await fixture.Client.PostAsync("/forms/submit", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("title = &lt;b&gt;x&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.Contains("file attachment: 3 bytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPostFormOutsideTheCsrfHole_CarriesAToken()
    {
        // Act
        var pages = new List<string>();
        foreach (var path in (string[])["/vuln/", "/safe/", "/forms/all", "/forms/upload", "/auth/login", "/app/", "/vuln/xss/guestbook"])
        {
            pages.Add((await TargetRequests.GetAsync(fixture.Client, path)).Body);
        }

        // Assert
        foreach (var page in pages)
        {
            foreach (var form in page.Split("<form").Skip(1).Where(f => f.StartsWith(" method=\"post\"", StringComparison.Ordinal)))
            {
                var end = form.IndexOf("</form>", StringComparison.Ordinal);
                var html = form[..end];
                Assert.True(html.Contains("csrf_token", StringComparison.Ordinal) || html.Contains("/vuln/csrf/", StringComparison.Ordinal), html);
            }
        }
    }
}
