using Harrier.Core.Findings;
using Harrier.Core.Scans;

namespace Harrier.Reports.Tests;

/// <summary>Strings a scanned site can put into findings, and a document with one of them in every field.</summary>
internal static class Hostile
{
    public const string Script = "<script>alert(1)</script>";
    public const string Attribute = "\"><img src=x onerror=alert(1)>";
    public const string StyleBreak = "</style><script>alert(2)</script>";
    public const string CdataEnd = "]]>";
    public const string TitleBreak = "</title><script>alert(3)</script>";
    public const string JavascriptUrl = "javascript:alert(4)";
    public const string SingleQuote = "' onmouseover='alert(5)' x='";
    public const string Svg = "<svg onload=alert(6)>";
    public const string Comment = "<!-- --><iframe src=//evil>";
    public const string Formula = "=HYPERLINK(\"http://evil\",\"x\")";
    public const string Controls = "nul\u0000bell\u0007esc\u001b";

    public static IReadOnlyList<string> All { get; } =
        [Script, Attribute, StyleBreak, CdataEnd, TitleBreak, JavascriptUrl, SingleQuote, Svg, Comment, Formula, Controls];

    /// <summary>Every string at once, so any single field carries them all.</summary>
    public static string Mix { get; } = string.Join(" ", All);

    public static ReportDocument Document { get; } = Build();

    private static ReportDocument Build()
    {
        var vulnerability = new ReportVulnerability
        {
            Id = Guid.NewGuid(),
            Type = Mix,
            Title = Mix,
            Severity = Severity.Critical,
            IsConfirmed = true,
            Url = "http://127.0.0.1/" + Script + Attribute,
            Method = Mix,
            ParameterName = Mix,
            ParameterLocation = Mix,
            Payload = Mix,
            OtherParameters = [new ReportParameter(Mix, Mix, Mix)],
            RawRequest = Mix,
            RawResponse = "HTTP/1.1 200 OK\r\n\r\n" + Mix,
            ResponseStatusCode = 200,
            Proof = Script,
            Classification = new Classification(Mix, Mix, Mix, Mix),
            Description = Mix,
            Impact = Mix,
            Remediation = Mix,
            References = [JavascriptUrl, Mix, "http://ok.example/\"><script>alert(7)</script>"],
            State = Mix,
            Tags = [Mix],
        };
        return new ReportDocument
        {
            Generated = TestDocuments.Initiated,
            Scan = new ReportScan
            {
                Id = Guid.NewGuid(),
                TargetUrl = Mix,
                WebsiteName = Mix,
                WebsiteUrl = JavascriptUrl,
                PolicyName = Mix,
                Initiated = TestDocuments.Initiated,
                Configuration = new ReportScanConfiguration
                {
                    ExcludedLinks = [Mix],
                    AdditionalWebsites = [Mix],
                    Authentication = Mix,
                },
                Commit = new ReportCommitInfo
                {
                    IntegrationSystem = Mix,
                    CommitId = Mix,
                    Branch = Mix,
                    Committer = Mix,
                    BuildId = Mix,
                    BuildUrl = JavascriptUrl,
                },
            },
            Vulnerabilities = [vulnerability, vulnerability with { Id = Guid.NewGuid(), Severity = Severity.Low, Classification = new Classification("79", "A03", "8", Mix) }],
            Resources = [new CrawledResource(Mix, Mix, [Mix], 200, Mix, null, true)],
        };
    }
}
