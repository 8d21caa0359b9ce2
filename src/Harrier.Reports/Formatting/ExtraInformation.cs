using System.Globalization;

namespace Harrier.Reports.Formatting;

/// <summary>The <c>ExtraInformation</c> name/value pairs of a finding: what Harrier knows beyond the §6.1 fields.</summary>
internal static class ExtraInformation
{
    public static IEnumerable<(string Name, string Value)> Of(ReportVulnerability v)
    {
        if (!string.IsNullOrEmpty(v.ParameterName))
        {
            yield return ("Parameter", v.ParameterName);
            yield return ("Parameter Type", v.ParameterLocation ?? "");
        }

        if (v.Payload is not null)
        {
            yield return ("Payload", v.Payload);
        }

        if (!string.IsNullOrEmpty(v.Proof))
        {
            yield return ("Proof", v.Proof);
        }

        yield return ("Certainty", v.Certainty.ToString(CultureInfo.InvariantCulture) + "%");
    }
}
