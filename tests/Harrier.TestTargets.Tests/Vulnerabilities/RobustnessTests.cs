using System.Net;
using System.Text;

namespace Harrier.TestTargets.Tests.Vulnerabilities;

/// <summary>Fuzzed values never produce a 500 except where an error page is the documented hole.</summary>
public sealed class RobustnessTests(TargetFixture fixture)
{
    /// <summary>Families whose hole is an error page (database, template, stack trace, directory).</summary>
    private static readonly HashSet<string> s_errorsByDesign = ["sqli", "ssti", "disclosure", "ldap"];

    public static TheoryData<string> Ids => [.. KnownVulnerabilities.All.Where(v => !s_errorsByDesign.Contains(v.Family)).Select(v => v.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task OddValues_NeverCauseAServerError(string id)
    {
        // Arrange
        var vulnerability = KnownVulnerabilities.Get(id);
        var cookie = vulnerability.RequiresLogin ? await TargetRequests.SignInAsync(fixture.Client) : null;
        string[] values = ["", "\0", "\u00e9\u20ac\U0001F600", "\uFFFD\uFFFD", new string('A', 20_000), "%%%", "\r\n\r\n<x>", "a=b&c=d"];

        foreach (var value in values)
        {
            foreach (var path in (string?[])[vulnerability.Path, vulnerability.SafeTwinPath])
            {
                if (path is null || (vulnerability.Location == ParameterLocation.Header && value.Contains('\r', StringComparison.Ordinal)))
                {
                    continue;
                }

                // Act
                var response = await TargetRequests.SendAsync(fixture.Client, vulnerability, path, value, cookie);

                // Assert
                Assert.True(response.Status < HttpStatusCode.InternalServerError, $"{path} with {value.Length} chars answered {response.Status}.");
            }
        }
    }

    [Theory]
    [InlineData("/vuln/xss/post")]
    [InlineData("/vuln/sqli/form")]
    [InlineData("/vuln/xss/guestbook")]
    [InlineData("/auth/login")]
    [InlineData("/forms/submit")]
    public async Task FormEndpoints_AcceptANonFormBody(string path)
    {
        // Act
        using var content = new StringContent("{\"comment\":1}", Encoding.UTF8, "application/json");
        using var response = await fixture.Client.PostAsync(path, content, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, response.StatusCode.ToString());
    }
}
