using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Active.PathTraversal;

/// <summary>
/// Path traversal and local file inclusion: relative, absolute, filtered (<c>....//</c>), double-encoded, overlong
/// UTF-8 and null-byte variants that name <c>/etc/passwd</c> or <c>win.ini</c>. A finding needs the file's own
/// content structure in the response (a passwd root entry, or win.ini's sections) and its absence from the baseline.
/// </summary>
internal sealed partial class PathTraversalCheck : IActiveCheck
{
    private static readonly IReadOnlyList<string[]> s_payloads =
        [.. PayloadFile.ReadLines("path-traversal-payloads.txt").Select(l => l.Replace("\\0", "\0", StringComparison.Ordinal).Split('\t'))];

    public static IReadOnlyList<string[]> Payloads => s_payloads;

    public CheckMetadata Metadata => PathTraversalDefinition.Metadata;

    public async Task RunAsync(ActiveCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var baseline = await context.GetBaselineAsync(cancellationToken).ConfigureAwait(false);
        var baselineText = baseline?.BodyText ?? "";
        foreach (var entry in s_payloads)
        {
            if (context.IsBudgetExhausted)
            {
                return;
            }

            var signature = entry[0] == "winini" ? WinIni() : Passwd();
            if (signature.IsMatch(baselineText))
            {
                continue; // The page shows such content anyway: no proof possible.
            }

            var response = await context.SendValueAsync(entry[1], cancellationToken).ConfigureAwait(false);
            if (response is null || signature.Match(response.BodyText) is not { Success: true } match)
            {
                continue;
            }

            var finding = FindingFactory.Create(
                Metadata, Metadata.Types[0], context.Request, context.InsertionPoint, entry[1], context.CreateEvidence(response, match.Value));
            await context.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>The root entry of a Unix passwd file, e.g. <c>root:x:0:0:root:/root:/bin/bash</c>.</summary>
    [GeneratedRegex(@"\broot:[^:\r\n]{0,64}:0:0:[^:\r\n]{0,128}:[^:\r\n]{1,128}:[^\r\n]{0,128}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    internal static partial Regex Passwd();

    /// <summary>Two section headers that Windows' win.ini always has, in order.</summary>
    [GeneratedRegex(@"\[(fonts|extensions)\][\s\S]{0,400}\[(extensions|mci extensions|files)\]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    internal static partial Regex WinIni();
}
