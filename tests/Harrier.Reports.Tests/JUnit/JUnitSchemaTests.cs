using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Harrier.Reports.Tests.JUnit;

/// <summary>JUnit output validated against the format CI servers read (Schemas/junit.xsd).</summary>
public sealed class JUnitSchemaTests
{
    private static readonly XmlSchemaSet s_schema = Load();

    public static TheoryData<string> Documents => new() { "sample", "empty", "hostile" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Write_IsValidJUnit(string which)
    {
        var document = which switch
        {
            "empty" => TestDocuments.Sample with { Vulnerabilities = [] },
            "hostile" => Hostile.Document,
            _ => TestDocuments.Sample,
        };

        var errors = Validate(Render.Report(document, ReportType.Vulnerabilities, ReportFormat.JUnit));

        Assert.Empty(errors);
    }

    [Fact]
    public void Schema_RejectsATestcaseWithoutAName()
    {
        var errors = Validate("<testsuites tests=\"1\" failures=\"0\" errors=\"0\"><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase/></testsuite></testsuites>");

        Assert.NotEmpty(errors);
    }

    private static List<string> Validate(string xml)
    {
        var errors = new List<string>();
        var document = XDocument.Parse(xml);
        document.Validate(s_schema, (_, e) => errors.Add(e.Message));
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Schemas", "junit.xsd"));
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
