using Harrier.Core.Findings;
using Harrier.Core.Scans;

namespace Harrier.Reports.Tests;

/// <summary>Report documents the tests render: a realistic finished scan, and one with a hostile string in every field.</summary>
internal static class TestDocuments
{
    public static readonly Guid ScanId = Guid.Parse("af6d0ffd-529e-4056-b39f-b141021fae74");
    public static readonly DateTimeOffset Initiated = new(2024, 3, 28, 9, 53, 50, TimeSpan.Zero);

    public static ReportVulnerability Xss { get; } = new()
    {
        Id = Guid.Parse("11111111-1111-4111-8111-111111111111"),
        Type = "Xss",
        Title = "Cross-site Scripting",
        Severity = Severity.High,
        IsConfirmed = true,
        Certainty = 100,
        Url = "http://127.0.0.1:5000/xss/reflected?q=test&page=1",
        Method = "GET",
        ParameterName = "q",
        ParameterLocation = "Query",
        Payload = "<hrr1>",
        OtherParameters = [new ReportParameter("page", "1", "Query"), new ReportParameter("q", "test", "Query")],
        RawRequest = "GET /xss/reflected?q=%3Chrr1%3E&page=1 HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n",
        RawResponse = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>You searched <hrr1></body></html>",
        ResponseStatusCode = 200,
        ResponseDurationMs = 12.5,
        Proof = "<hrr1>",
        Classification = new Classification("79", "A03", "8", "591"),
        Description = "The application copies a request value into its HTML response.\n\nSecond paragraph.",
        Impact = "Script runs in the victim's session.",
        Remediation = "Encode every untrusted value for its output context.",
        References = ["https://owasp.org/www-community/attacks/xss/", "https://cwe.mitre.org/data/definitions/79.html"],
        FirstSeen = Initiated.AddMinutes(1),
        LastSeen = Initiated.AddMinutes(1),
        Tags = ["injection"],
    };

    public static ReportVulnerability PossibleSqli { get; } = new()
    {
        Id = Guid.Parse("22222222-2222-4222-8222-222222222222"),
        Type = "PossibleSqlInjection",
        Title = "Possible SQL Injection",
        Severity = Severity.Critical,
        IsConfirmed = false,
        Certainty = 50,
        Url = "http://127.0.0.1:5000/sqli/login",
        Method = "POST",
        ParameterName = "user",
        ParameterLocation = "Form",
        Payload = "'",
        OtherParameters = [new ReportParameter("password", "secret", "Form")],
        RawRequest = "POST /sqli/login HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nuser='&password=secret",
        RawResponse = "HTTP/1.1 500 Internal Server Error\r\n\r\nYou have an error in your SQL syntax",
        ResponseStatusCode = 500,
        Proof = "You have an error in your SQL syntax",
        Classification = new Classification("89", "A03", "19", "66"),
        Description = "A database error appeared when a quote was sent.",
        Impact = "Data can be read or changed.",
        Remediation = "Use parameterised queries.",
        References = ["https://owasp.org/www-community/attacks/SQL_Injection"],
    };

    public static ReportVulnerability MissingHeader { get; } = new()
    {
        Id = Guid.Parse("33333333-3333-4333-8333-333333333333"),
        Type = "MissingXFrameOptionsHeader",
        Title = "Missing X-Frame-Options Header",
        Severity = Severity.Low,
        IsConfirmed = true,
        Url = "http://127.0.0.1:5000/",
        RawRequest = "GET / HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n",
        RawResponse = null,
        ResponseStatusCode = 200,
        Classification = new Classification("1021", "A05", "15", null),
        Description = "The page can be framed by another site.",
        Remediation = "Send X-Frame-Options: DENY.",
    };

    public static ReportVulnerability FixedRedirect { get; } = new()
    {
        Id = Guid.Parse("44444444-4444-4444-8444-444444444444"),
        Type = "OpenRedirect",
        Title = "Open Redirection",
        Severity = Severity.Medium,
        IsConfirmed = true,
        Url = "http://127.0.0.1:5000/redirect?to=x",
        ParameterName = "to",
        ParameterLocation = "Query",
        Payload = "http://example.invalid/",
        Classification = new Classification("601", null, "38", null),
        State = "FixedConfirmed",
        IsAddressed = true,
    };

    public static ReportDocument Sample { get; } = new()
    {
        Generated = Initiated.AddHours(1),
        Scan = new ReportScan
        {
            Id = ScanId,
            TargetUrl = "http://127.0.0.1:5000/",
            WebsiteName = "Test targets",
            WebsiteUrl = "http://127.0.0.1:5000/",
            PolicyName = "Default Security Checks",
            Initiated = Initiated,
            Finished = Initiated.AddSeconds(41.3968969),
            Duration = TimeSpan.FromTicks(413968969),
            Configuration = new ReportScanConfiguration
            {
                ExcludedLinks = [@"(log|sign)\-?(out|off)"],
                DisallowedHttpMethods = [HttpMethodName.PUT],
                MaxScanDuration = TimeSpan.FromHours(2),
            },
        },
        Vulnerabilities = [MissingHeader, Xss, FixedRedirect, PossibleSqli],
        Resources =
        [
            new CrawledResource("http://127.0.0.1:5000/xss/reflected?q=test", "GET", ["q"], 200, "text/html", null, true),
            new CrawledResource("http://127.0.0.1:5000/", "GET", [], 200, "text/html", null, false),
            new CrawledResource("http://127.0.0.1:5000/sqli/login", "POST", ["user", "password"], 500, "text/html", null, true),
        ],
    };

    public static ReportDocument Empty { get; } = Sample with { Vulnerabilities = [], Resources = [] };
}
