using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harrier.TestTargets.Tests.Vulnerabilities;

public sealed partial class KnownVulnerabilitiesTests
{
    /// <summary>The Invicti VulnerabilityType names (contract Appendix A) the list may use; extend it from the appendix.</summary>
    private static readonly HashSet<string> s_invictiTypes =
    [
        "Xss", "PermanentXss", "DomBasedXss",
        "ConfirmedSqlInjection", "ConfirmedBooleanSqlInjection", "ConfirmedBlindSqlInjection",
        "CommandInjection", "BlindCommandInjection",
        "Lfi", "Ssti", "CodeExecutionViaSsti", "OpenRedirect", "OpenRedirectInPost", "HeaderInjection", "Xxe",
        "MissingXFrameOptionsHeader", "CspNotImplemented", "MissingXContentTypeOptionsHeader", "ReferrerPolicyNotImplemented",
        "CookieNotMarkedAsHttpOnly", "SameSiteCookieNotImplemented",
        "AspNetStackTrace", "AspNetVersionDisclosure", "ApacheDirectoryListing", "MisconfiguredAccessControlOrigin",
        "CsrfDetected", "AutoCompleteEnabledPasswordField", "PasswordOverHttp", "PossibleSsrf", "InternalIPLeakage",
        "DatabaseErrorMessages", "BackupFileFound", "BackupSourceCodeFound", "GitDisclosure",
        "XPathInjectionIast", "LdapInjectionIast", "PossibleHpp",
        "OutOfBandXxe", "Rfi",
        "LaravelEnvironmentConfigurationFileDetected", "TraceTrackIdentified",
        "PhpSourceCodeDisclosure", "PossibleCreditCardDisclosure", "UnsafeCspInstructionDetected",
    ];

    private static readonly string[] s_severities = ["BestPractice", "Information", "Low", "Medium", "High", "Critical"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [Fact]
    public void All_HasUniqueKebabCaseIds()
    {
        // Act
        var ids = KnownVulnerabilities.All.Select(v => v.Id).ToList();

        // Assert
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(KebabCase(), id));
    }

    [Fact]
    public void All_UsesInvictiTypeAndSeverityNames()
    {
        Assert.All(KnownVulnerabilities.All, v =>
        {
            Assert.Contains(v.Type, s_invictiTypes);
            Assert.Contains(v.Severity, s_severities);
            Assert.Contains(v.Method, (string[])["GET", "POST"]);
            Assert.False(string.IsNullOrWhiteSpace(v.Description));
            Assert.False(string.IsNullOrWhiteSpace(v.Family));
        });
    }

    [Fact]
    public void All_FollowTheSafeTwinConvention()
    {
        Assert.All(KnownVulnerabilities.All, v =>
        {
            if (v.Family == "incidental")
            {
                Assert.Null(v.SafeTwinPath);
                Assert.False(v.Path.StartsWith("/vuln/", StringComparison.Ordinal));
            }
            else
            {
                Assert.StartsWith("/vuln/", v.Path, StringComparison.Ordinal);
                Assert.Equal("/safe/" + v.Path["/vuln/".Length..], v.SafeTwinPath);
            }
        });
    }

    [Fact]
    public void All_DescribeTheirInsertionPoint()
    {
        Assert.All(KnownVulnerabilities.All, v =>
        {
            if (v.Location == ParameterLocation.None)
            {
                Assert.Null(v.Parameter);
                Assert.Equal(v.Family != "files", v.Crawlable);
                return;
            }

            Assert.False(string.IsNullOrEmpty(v.Parameter), v.Id);
            Assert.NotNull(v.ExampleValue);
            Assert.Equal(v.Location is not (ParameterLocation.Json or ParameterLocation.Xml), v.Crawlable);
            if (!v.Crawlable)
            {
                Assert.Contains(v.ExampleValue, v.ExampleBody, StringComparison.Ordinal);
            }

            if (v.Location == ParameterLocation.Path)
            {
                Assert.EndsWith("/" + v.ExampleValue, v.Path, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void All_CoverTheThreeReferenceChecks()
    {
        var types = KnownVulnerabilities.All.GroupBy(v => v.Type).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(types["Xss"] >= 6);
        Assert.True(types["ConfirmedSqlInjection"] >= 5);
        Assert.Equal(1, types["MissingXFrameOptionsHeader"]);
        Assert.Equal(1, types["CspNotImplemented"]);
        Assert.Equal(1, types["MissingXContentTypeOptionsHeader"]);
    }

    [Fact]
    public void OpenJson_IsTheSameList()
    {
        // Act
        using var stream = KnownVulnerabilities.OpenJson();
        using var document = JsonDocument.Parse(stream);

        // Assert
        Assert.Equal(1, document.RootElement.GetProperty("SchemaVersion").GetInt32());
        Assert.Equal(KnownVulnerabilities.All.Count, document.RootElement.GetProperty("Vulnerabilities").GetArrayLength());
    }

    [Fact]
    public void Get_UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => KnownVulnerabilities.Get("no-such-id"));
        Assert.Equal("/vuln/xss/html", KnownVulnerabilities.Get("xss-html").Path);
    }
}
