namespace Harrier.Reports;

/// <summary>A request parameter as the Vulnerabilities report lists it: <c>{ Name, Value, Type }</c>, Type being its location (Query, Form, Json, Header, Cookie, Path…).</summary>
public sealed record ReportParameter(string Name, string Value, string Type);
