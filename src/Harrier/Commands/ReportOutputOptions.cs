using System.CommandLine;
using Harrier.Cli;
using Harrier.Scanning;

namespace Harrier.Commands;

/// <summary>
/// <c>--format F --output FILE</c> pairs (repeatable; the n-th <c>--format</c> goes with the n-th <c>--output</c>). An
/// <c>--output</c> without its <c>--format</c> takes it from the file name; one <c>--format</c> without an <c>--output</c>
/// goes to stdout.
/// </summary>
internal sealed class ReportOutputOptions
{
    private readonly Option<string[]> _format = new("--format")
    {
        Description = "Report format: html, json, sarif, junit, xml or csv (repeatable, paired in order with --output; "
            + "a --format without an --output is written to stdout). Default: a summary table on stdout.",
        HelpName = "FORMAT",
    };

    private readonly Option<string[]> _output = new("--output", "-o")
    {
        Description = "File to write the report to (repeatable; the format is taken from the name when no --format pairs with it: "
            + ".html, .json, .sarif, .xml (junit when the name contains 'junit'), .csv).",
        HelpName = "FILE",
    };

    public ReportOutputOptions()
    {
        _format.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !ReportTarget.Formats.ContainsKey(t.Value)))
            {
                result.AddError($"'{token.Value}' is not a report format; use html, json, sarif, junit, xml or csv.");
            }
        });
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_format);
        command.Options.Add(_output);
    }

    /// <summary>The reports asked for, validated (known formats, at most one on stdout, existing output directories).</summary>
    public IReadOnlyList<ReportTarget> Resolve(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var formats = parseResult.GetValue(_format) ?? [];
        var outputs = parseResult.GetValue(_output) ?? [];
        var targets = new List<ReportTarget>();
        for (var i = 0; i < Math.Max(formats.Length, outputs.Length); i++)
        {
            var path = i < outputs.Length ? Path.GetFullPath(outputs[i]) : null;
            var name = i < formats.Length ? formats[i] : FormatFromFileName(outputs[i]);
            var (type, format) = ReportTarget.Formats[name];
            targets.Add(new ReportTarget(name.ToLowerInvariant(), type, format, path));
        }

        if (targets.Count(t => t.Path is null) > 1)
        {
            throw new CliException("Only one report can go to stdout: give an --output for each --format.");
        }

        foreach (var directory in targets.Select(t => Path.GetDirectoryName(t.Path)).OfType<string>().Distinct())
        {
            if (!Directory.Exists(directory))
            {
                throw new CliException($"The output directory {directory} does not exist.");
            }
        }

        return targets;
    }

    private static string FormatFromFileName(string path)
    {
        var file = Path.GetFileName(path).ToLowerInvariant();
        return Path.GetExtension(file) switch
        {
            ".html" or ".htm" => "html",
            ".json" => "json",
            ".sarif" => "sarif",
            ".csv" => "csv",
            ".xml" when file.Contains("junit", StringComparison.Ordinal) => "junit",
            ".xml" => "xml",
            _ => throw new CliException($"Cannot tell the report format of --output {path}; add a --format for it."),
        };
    }
}
