using System.Text.Json;

namespace Harrier.Reports.Tests.Json;

public sealed class VulnerabilitiesJsonWriterTests
{
    private static JsonElement Write(ReportDocument document, ReportOptions? options = null) =>
        JsonDocument.Parse(Render.Report(document, ReportType.Vulnerabilities, ReportFormat.Json, options)).RootElement;

    [Fact]
    public void Write_Sample_HasTheSection61Layout()
    {
        // Act
        var root = Write(TestDocuments.Sample);

        // Assert
        Assert.Equal(["Generated", "Target", "Vulnerabilities"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("28/03/2024 10:53 AM", root.GetProperty("Generated").GetString());
        var target = root.GetProperty("Target");
        Assert.Equal("00:00:41.3968969", target.GetProperty("Duration").GetString());
        Assert.Equal("28/03/2024 09:53 AM", target.GetProperty("Initiated").GetString());
        Assert.Equal("af6d0ffd529e4056b39fb141021fae74", target.GetProperty("ScanId").GetString());
        Assert.Equal("http://127.0.0.1:5000/", target.GetProperty("Url").GetString());

        var first = root.GetProperty("Vulnerabilities")[0];
        string[] expected =
        [
            "Certainty", "Classification", "Confirmed", "Description", "ExploitationSkills", "ExternalReferences", "ExtraInformation",
            "FirstSeenDate", "HttpRequest", "HttpResponse", "Impact", "KnownVulnerabilities", "LastSeenDate", "LookupId", "Name",
            "ProofOfConcept", "RemedialActions", "RemedialProcedure", "RemedyReferences", "Severity", "State", "Tags", "Type", "Url",
        ];
        Assert.Equal(expected, first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["Iso27001", "Capec", "Cvss", "Cvss31", "Cvss40", "Cwe", "Hipaa", "Owasp", "OwaspProactiveControls", "Pci32", "Wasc",
             "Asvs40", "Nistsp80053", "DisaStig", "OwaspApiTop10", "OwaspTopTen2021", "OwaspTopTen2023", "PciDss40"],
            first.GetProperty("Classification").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Write_Sample_ListsMostSevereFirstWithWireValues()
    {
        // Act
        var vulnerabilities = Write(TestDocuments.Sample).GetProperty("Vulnerabilities");

        // Assert
        Assert.Equal(4, vulnerabilities.GetArrayLength());
        Assert.Equal(["Critical", "High", "Medium", "Low"], vulnerabilities.EnumerateArray().Select(v => v.GetProperty("Severity").GetString()));
        var xss = vulnerabilities[1];
        Assert.Equal("Xss", xss.GetProperty("Type").GetString());
        Assert.Equal("Cross-site Scripting", xss.GetProperty("Name").GetString());
        Assert.Equal(100, xss.GetProperty("Certainty").GetInt32());
        Assert.True(xss.GetProperty("Confirmed").GetBoolean());
        Assert.Equal("11111111-1111-4111-8111-111111111111", xss.GetProperty("LookupId").GetString());
        Assert.Equal("Present", xss.GetProperty("State").GetString());
        Assert.Equal("79", xss.GetProperty("Classification").GetProperty("Cwe").GetString());
        Assert.Equal("A03", xss.GetProperty("Classification").GetProperty("OwaspTopTen2021").GetString());
        Assert.Equal("A7", xss.GetProperty("Classification").GetProperty("Owasp").GetString());
        Assert.Equal("", xss.GetProperty("Classification").GetProperty("Hipaa").GetString());
        Assert.Equal(JsonValueKind.Null, xss.GetProperty("Classification").GetProperty("Cvss").ValueKind);
        Assert.Equal(200, xss.GetProperty("HttpResponse").GetProperty("StatusCode").GetInt32());
        Assert.Equal(12.5, xss.GetProperty("HttpResponse").GetProperty("Duration").GetDouble());
        Assert.Contains("You searched <hrr1>", xss.GetProperty("HttpResponse").GetProperty("Content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AttackedParameter_IsFirstWithPayloadAndCarriesTheRawRequest()
    {
        // Act
        var xss = Write(TestDocuments.Sample).GetProperty("Vulnerabilities")[1];

        // Assert
        var request = xss.GetProperty("HttpRequest");
        Assert.Equal(TestDocuments.Xss.RawRequest, request.GetProperty("Content").GetString());
        Assert.Equal("GET", request.GetProperty("Method").GetString());
        var parameters = request.GetProperty("Parameters").EnumerateArray().ToList();
        Assert.Equal(2, parameters.Count);
        Assert.Equal(["Name", "Value", "Type"], parameters[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("q", parameters[0].GetProperty("Name").GetString());
        Assert.Equal("<hrr1>", parameters[0].GetProperty("Value").GetString());
        Assert.Equal("Query", parameters[0].GetProperty("Type").GetString());
        Assert.Equal("page", parameters[1].GetProperty("Name").GetString());
    }

    [Fact]
    public void Write_PageLevelFinding_HasNoAttackedParameter()
    {
        // Act
        var header = Write(TestDocuments.Sample).GetProperty("Vulnerabilities")[3];

        // Assert
        Assert.Equal("MissingXFrameOptionsHeader", header.GetProperty("Type").GetString());
        Assert.Equal(0, header.GetProperty("HttpRequest").GetProperty("Parameters").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, header.GetProperty("HttpResponse").GetProperty("Content").ValueKind);
    }

    [Fact]
    public void Write_ExcludeResponseData_DropsEveryResponseBody()
    {
        // Act
        var vulnerabilities = Write(TestDocuments.Sample, new ReportOptions { ExcludeResponseData = true }).GetProperty("Vulnerabilities");

        // Assert
        Assert.All(vulnerabilities.EnumerateArray(), v =>
            Assert.Equal(JsonValueKind.Null, v.GetProperty("HttpResponse").GetProperty("Content").ValueKind));
        Assert.Equal(TestDocuments.Xss.RawRequest, vulnerabilities[1].GetProperty("HttpRequest").GetProperty("Content").GetString());
        Assert.Equal(200, vulnerabilities[1].GetProperty("HttpResponse").GetProperty("StatusCode").GetInt32());
    }

    [Theory]
    [InlineData(true, false, new[] { "Xss", "OpenRedirect", "MissingXFrameOptionsHeader" })]
    [InlineData(false, true, new[] { "PossibleSqlInjection" })]
    [InlineData(true, true, new string[0])]
    public void Write_ConfirmationFilters_AreHonoured(bool onlyConfirmed, bool onlyUnconfirmed, string[] expectedTypes)
    {
        // Arrange
        var options = new ReportOptions { OnlyConfirmedIssues = onlyConfirmed, OnlyUnconfirmedIssues = onlyUnconfirmed };

        // Act
        var types = Write(TestDocuments.Sample, options).GetProperty("Vulnerabilities").EnumerateArray().Select(v => v.GetProperty("Type").GetString());

        // Assert
        Assert.Equal(expectedTypes, types);
    }

    [Fact]
    public void Write_HtmlContentFormat_RendersEncodedParagraphsAndLinks()
    {
        // Act
        var xss = Write(TestDocuments.Sample).GetProperty("Vulnerabilities")[1];

        // Assert
        Assert.Equal("<p>The application copies a request value into its HTML response.</p><p>Second paragraph.</p>", xss.GetProperty("Description").GetString());
        Assert.StartsWith("<ul><li><a href=\"https://owasp.org/www-community/attacks/xss/\"", xss.GetProperty("ExternalReferences").GetString(), StringComparison.Ordinal);
        Assert.Equal("<p>Script runs in the victim&#x27;s session.</p>", xss.GetProperty("Impact").GetString());
    }

    [Fact]
    public void Write_MarkdownContentFormat_RendersEscapedMarkdown()
    {
        // Act
        var xss = Write(TestDocuments.Sample, new ReportOptions { ContentFormat = ContentFormat.Markdown }).GetProperty("Vulnerabilities")[1];

        // Assert
        Assert.Equal("The application copies a request value into its HTML response.\n\nSecond paragraph.", xss.GetProperty("Description").GetString());
        Assert.Equal("- <https://owasp.org/www-community/attacks/xss/>\n- <https://cwe.mitre.org/data/definitions/79.html>", xss.GetProperty("ExternalReferences").GetString());
        Assert.DoesNotContain("<p>", xss.GetProperty("RemedialActions").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HostileStrings_RoundTripExactlyAndRichTextIsEncoded()
    {
        // Act
        var first = Write(Hostile.Document).GetProperty("Vulnerabilities")[0];

        // Assert
        Assert.Equal(Hostile.Mix, first.GetProperty("Name").GetString());
        Assert.Equal(Hostile.Mix, first.GetProperty("HttpRequest").GetProperty("Content").GetString());
        Assert.Equal(Hostile.Mix, first.GetProperty("HttpRequest").GetProperty("Parameters")[0].GetProperty("Value").GetString());
        Assert.DoesNotContain("<script", first.GetProperty("Description").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", first.GetProperty("ExternalReferences").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_Empty_HasAnEmptyList()
    {
        // Act
        var root = Write(TestDocuments.Empty);

        // Assert
        Assert.Equal(0, root.GetProperty("Vulnerabilities").GetArrayLength());
    }
}
