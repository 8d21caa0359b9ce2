using System.CommandLine;
using Harrier.Cli;
using Harrier.Client;
using Harrier.Scanning;

namespace Harrier.Commands;

/// <summary><c>harrier scans report ID --type T --format F [--output FILE]</c>: <c>GET scans/report/</c> (contract §2.21) into a file or stdout.</summary>
internal static class ScansReportCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var id = ArgumentParsers.ScanId();
        var type = new Option<string>("--type")
        {
            Description = "Report type: Vulnerabilities (default), Crawled, Scanned, ScanDetail, FullScanDetail, ExecutiveSummary, "
                + "OwaspTopTen2021, OwaspTopTen2017, OwaspTopTen2013, SansTop25, WASC.",
            HelpName = "TYPE",
            DefaultValueFactory = _ => "Vulnerabilities",
        };
        var format = new Option<string>("--format")
        {
            Description = "Report format: Json (default), Xml, Csv, Sarif, JUnit (Vulnerabilities; Crawled/Scanned: Json, Xml, Csv), Html (the other types).",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "Json",
        };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: stdout).", HelpName = "FILE" };
        var command = new Command("report", "Download a report of a finished scan (an unfinished one is an error, exit 2).");
        command.Arguments.Add(id);
        command.Options.Add(type);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(output) is { } file && file != "-" ? Path.GetFullPath(file) : null;
            if (path is not null && Path.GetDirectoryName(path) is { } directory && !Directory.Exists(directory))
            {
                throw new CliException($"The output directory {directory} does not exist.");
            }

            var target = new ReportTarget(parseResult.GetRequiredValue(format), parseResult.GetRequiredValue(type), parseResult.GetRequiredValue(format), path);
            using var client = HarrierApiClient.Create(connection.Resolve(parseResult));
            await ReportDownloader.DownloadAsync(client, parseResult.GetValue(id), [target], Console.Error, cancellationToken);
            return 0;
        });
        return command;
    }
}
