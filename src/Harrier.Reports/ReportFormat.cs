namespace Harrier.Reports;

/// <summary>Invicti <c>ReportFormat</c> plus Harrier's <see cref="Sarif"/> and <see cref="JUnit"/>. Member names are the wire names.</summary>
public enum ReportFormat
{
    Xml,
    Csv,
    Pdf,
    Html,
    Txt,
    Json,
    Sarif,
    JUnit,
}
