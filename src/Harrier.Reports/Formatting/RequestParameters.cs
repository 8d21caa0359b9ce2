namespace Harrier.Reports.Formatting;

/// <summary>The <c>HttpRequest.Parameters</c> of a finding: the attacked parameter first, carrying the payload, then the others.</summary>
internal static class RequestParameters
{
    public static IReadOnlyList<ReportParameter> For(ReportVulnerability vulnerability)
    {
        if (string.IsNullOrEmpty(vulnerability.ParameterName))
        {
            return vulnerability.OtherParameters;
        }

        var attacked = new ReportParameter(vulnerability.ParameterName, vulnerability.Payload ?? "", vulnerability.ParameterLocation ?? "");
        var list = new List<ReportParameter>(vulnerability.OtherParameters.Count + 1) { attacked };
        list.AddRange(vulnerability.OtherParameters.Where(p =>
            !(string.Equals(p.Name, attacked.Name, StringComparison.Ordinal) &&
              string.Equals(p.Type, attacked.Type, StringComparison.OrdinalIgnoreCase))));
        return list;
    }
}
