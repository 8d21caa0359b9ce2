using Harrier.Core.Scans;
using Harrier.Reports;
using Harrier.Server.Http;
using Harrier.Server.Reports;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

internal static partial class ScansEndpoints
{
    /// <summary>Every report type name of the Invicti contract (§4 ReportType, plus the legacy <c>PCICompliance</c>).</summary>
    private static readonly string[] s_invictiReportTypes =
    [
        "Crawled", "Scanned", "Vulnerabilities", "ScanDetail", "ModSecurityWafRules", "OwaspTopTen2013", "HIPAACompliance", "Pci32",
        "PCICompliance", "KnowledgeBase", "ExecutiveSummary", "FullScanDetail", "OwaspTopTen2017", "CustomReport", "Iso27001Compliance",
        "F5BigIpAsmWafRules", "WASC", "SansTop25", "Asvs40", "Nistsp80053", "DisaStig", "OwaspApiTop10", "OwaspTopTen2021",
        "VulnerabilitiesPerWebsite", "OwaspApiTopTen2023", "PciDss40",
    ];

    private static void MapReports(RouteGroupBuilder api) =>
        api.MapGet("/report", Report).Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

    /// <summary>
    /// <c>GET /scans/report/</c> (contract §2.21): a finished scan's report in any supported type and format. HTML is
    /// served as exactly <c>text/html</c>; an unfinished scan answers a JSON <c>Message</c>, as the CI plugins expect.
    /// </summary>
    public static async Task<IResult> Report([AsParameters] ScanServices s, ReportDocumentBuilder builder, CancellationToken cancellationToken)
    {
        var query = s.Request.Query;
        var id = ParseId(query["id"].ToString() is { Length: > 0 } text ? text : null, "scan");
        var type = ParseReportType(query["type"].ToString());
        var format = EnumNames.TryParse<ReportFormat>(query["format"], out var f)
            ? f
            : throw ApiException.BadRequest($"'{query["format"]}' is not a valid report format. Valid formats: {EnumNames.List<ReportFormat>()}.");
        var options = ReportOptionsFrom(s);
        var rendered = format == ReportFormat.Pdf ? ReportFormat.Html : format;
        if (!ReportWriter.Supports(type, rendered))
        {
            throw ApiException.BadRequest($"A {type} report cannot be produced as {format}.");
        }

        var scan = await s.Db.Scans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UserId == s.Caller.Id, cancellationToken)
            .ConfigureAwait(false) ?? throw ScanNotFound(id);
        if (!ScanStateRules.IsTerminal(scan.State))
        {
            throw ApiException.BadRequest($"The report is not ready: the scan is {scan.State}. Try again when it has finished.");
        }

        var document = await builder.BuildAsync(scan, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        ReportWriter.Write(document, type, rendered, options, buffer);
        if (format == ReportFormat.Pdf)
        {
            var pdfBytes = await PdfRenderer.RenderAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false);
            return TypedResults.Bytes(pdfBytes, ReportContentTypes.For(ReportFormat.Pdf), $"harrier-{type}-{id:N}.pdf");
        }

        var fileName = format == ReportFormat.Html ? null : $"harrier-{type}-{id:N}{ReportContentTypes.FileExtension(format)}";
        return TypedResults.Bytes(buffer.ToArray(), ReportContentTypes.For(format), fileName);
    }

    private static ReportType ParseReportType(string text)
    {
        var name = text.Equals("PCICompliance", StringComparison.OrdinalIgnoreCase) ? "Pci32" : text;
        if (EnumNames.TryParse<ReportType>(name, out var type))
        {
            return type;
        }

        var known = s_invictiReportTypes.FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase));
        throw ApiException.BadRequest(known is not null
            ? $"The {known} report is not available in Harrier. Available: {EnumNames.List<ReportType>()}."
            : $"'{text}' is not a valid report type. Valid types: {EnumNames.List<ReportType>()}.");
    }

    private static ReportOptions ReportOptionsFrom(ScanServices s)
    {
        var query = s.Request.Query;
        bool Flag(string name) => query[name].ToString().Trim().ToUpperInvariant() switch
        {
            "" or "FALSE" or "0" => false,
            "TRUE" or "1" => true,
            var other => throw ApiException.BadRequest($"'{name}' must be true or false, not '{other}'."),
        };

        var options = new ReportOptions
        {
            ExcludeResponseData = Flag("excludeResponseData"),
            OnlyConfirmedIssues = Flag("onlyConfirmedIssues"),
            OnlyUnconfirmedIssues = Flag("onlyUnconfirmedIssues"),
            ExcludeAddressedIssues = Flag("excludeAddressedIssues"),
            ContentFormat = OptionalEnum<ContentFormat>(s.Request, "contentFormat") ?? ContentFormat.Html,
            DateTimeFormat = s.Caller.DateFormat + " " + s.Caller.TimeFormat,
            TimeZone = s.Caller.TimeZone,
        };
        return options.OnlyConfirmedIssues && options.OnlyUnconfirmedIssues
            ? throw ApiException.BadRequest("Choose onlyConfirmedIssues or onlyUnconfirmedIssues, not both.")
            : options;
    }
}
