using System.Net;
using System.Text.RegularExpressions;
using Harrier.Engine.Checks;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks;

/// <summary>Rules every registered check obeys: metadata, a test class, and the request budget per insertion point.</summary>
public sealed partial class CheckConventionsTests
{
    public static TheoryData<string> CheckIds => [.. CheckRegistry.All.Select(c => c.Metadata.Id)];

    public static TheoryData<string, AttackStrength> ActiveChecksByStrength
    {
        get
        {
            var data = new TheoryData<string, AttackStrength>();
            foreach (var check in CheckRegistry.All.OfType<IActiveCheck>())
            {
                foreach (var strength in new[] { AttackStrength.Low, AttackStrength.Medium, AttackStrength.High })
                {
                    data.Add(check.Metadata.Id, strength);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Registry_HasUniqueIds_AndEveryCheckClass()
    {
        var ids = CheckRegistry.All.Select(c => c.Metadata.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        var checkTypes = typeof(ICheck).Assembly.GetTypes().Where(t => typeof(ICheck).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false });
        var registered = CheckRegistry.All.Select(c => c.GetType()).ToHashSet();
        Assert.All(checkTypes, t => Assert.Contains(t, registered));
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Metadata_IsComplete(string id)
    {
        var check = Find(id);
        var metadata = check.Metadata;

        Assert.Matches(KebabCase(), metadata.Id);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Name));
        Assert.NotEmpty(metadata.Types);
        Assert.All(metadata.Types, t => Assert.Matches(PascalCase(), t.Name));
        Assert.All(metadata.Types, t => Assert.False(string.IsNullOrWhiteSpace(t.Title)));
        Assert.Matches("^[0-9]+$", metadata.Cwe);
        Assert.Matches("^A(0[1-9]|10)$", metadata.OwaspTopTen2021);
        Assert.NotEmpty(metadata.References);
        Assert.All(metadata.References, r => Assert.True(r.IsAbsoluteUri && r.Scheme == Uri.UriSchemeHttps, r.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Description));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Impact));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Remediation));
        Assert.Equal(check is IPassiveCheck ? CheckKind.Passive : CheckKind.Active, metadata.Kind);
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Check_HasItsOwnTestClass(string id)
    {
        var expected = Find(id).GetType().Name + "Tests";

        Assert.Contains(typeof(CheckConventionsTests).Assembly.GetTypes(), t => t.Name == expected);
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Check_IsDocumented(string id)
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "checks.md");

        Assert.Contains("id=\"" + id + "\"", File.ReadAllText(docs), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ActiveChecksByStrength))]
    public async Task ActiveCheck_StaysWithinBudget_AndFindsNothingOnBenignEcho(string id, AttackStrength strength)
    {
        // Arrange
        await using var server = await LoopbackServer.StartAsync(
            app => app.MapMethods("/echo", ["GET", "POST"], (HttpRequest request) =>
                Results.Content("<html><body><p>" + WebUtility.HtmlEncode(request.QueryString.Value) + "</p></body></html>", "text/html")),
            TestContext.Current.CancellationToken);
        var check = (IActiveCheck)Find(id);

        // Act
        var run = await CheckHarness.RunActiveAsync(check, server, ScanHttpRequest.Get(server.Url("/echo?a=1&b=x")), strength);

        // Assert
        Assert.Empty(run.Findings);
        Assert.All(run.RequestsPerInsertionPoint, used => Assert.InRange(used, 0, AttackBudget.For(strength)));
        Assert.InRange(run.RequestsReceived, 0, 2 * AttackBudget.For(strength));
    }

    public static TheoryData<string, AttackStrength> ResourceChecksByStrength
    {
        get
        {
            var data = new TheoryData<string, AttackStrength>();
            foreach (var check in CheckRegistry.All.OfType<IResourceCheck>())
            {
                foreach (var strength in new[] { AttackStrength.Low, AttackStrength.Medium, AttackStrength.High })
                {
                    data.Add(check.Metadata.Id, strength);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ResourceChecksByStrength))]
    public async Task ResourceCheck_StaysWithinBudget_AndFindsNothingOnSoft404Site(string id, AttackStrength strength)
    {
        // Arrange: every path answers 200 with the same page, and every method is accepted.
        await using var server = await LoopbackServer.StartAsync(
            app => app.Map("{**path}", () => Results.Content("<html><body><p>Welcome</p></body></html>", "text/html")),
            TestContext.Current.CancellationToken);
        var check = (IResourceCheck)Find(id);

        // Act
        var run = await CheckHarness.RunResourceAsync(check, server, [server.Url("/a/b/c/d/page.php"), server.Url("/a/b/other.php")], strength);

        // Assert
        Assert.Empty(run.Findings);
        Assert.All(run.RequestsPerInsertionPoint, used => Assert.InRange(used, 0, AttackBudget.ForResource(strength)));
        Assert.InRange(run.RequestsReceived, 0, 2 * AttackBudget.ForResource(strength));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static ICheck Find(string id) => CheckRegistry.All.Single(c => c.Metadata.Id == id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex PascalCase();
}
