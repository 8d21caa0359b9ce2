using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Harrier.Reports.Tests.Sarif;

public sealed class SarifWriterTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(LoadSchema);

    private static JsonElement Write(ReportDocument document, ReportOptions? options = null) =>
        JsonDocument.Parse(Render.Report(document, ReportType.Vulnerabilities, ReportFormat.Sarif, options)).RootElement;

    /// <summary>
    /// The committed schema, verbatim, except for one known defect of the published file: in <c>region</c> the
    /// <c>anyOf</c> (startLine | charOffset | byteOffset) sits inside <c>properties</c>, where a 2020-12 evaluator
    /// rejects it as a schema. It is moved up to <c>region</c>, where the specification (§3.30.2) puts that rule.
    /// </summary>
    private static JsonSchema LoadSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json")))!;
        var region = schema["definitions"]!["region"]!.AsObject();
        var anyOf = region["properties"]!.AsObject()["anyOf"]!;
        region["properties"]!.AsObject().Remove("anyOf");
        region["anyOf"] = anyOf.DeepClone();
        return JsonSchema.FromText(schema.ToJsonString());
    }

    private static void AssertValid(JsonElement log)
    {
        var results = s_schema.Value.Evaluate(log, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = results.Details?.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Key + " " + e.Value)) ?? [];
        Assert.True(results.IsValid, "SARIF schema errors:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void Schema_RejectsAnInvalidLog()
    {
        // Arrange: the validator must be able to fail, or the other tests prove nothing.
        var invalid = JsonDocument.Parse("""{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal"}]}]}""").RootElement;

        // Act
        var results = s_schema.Value.Evaluate(invalid, new EvaluationOptions { OutputFormat = OutputFormat.List });

        // Assert
        Assert.False(results.IsValid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_Sample_IsValidSarif210(bool excludeResponseData)
    {
        // Act & Assert
        AssertValid(Write(TestDocuments.Sample, new ReportOptions { ExcludeResponseData = excludeResponseData }));
    }

    [Fact]
    public void Write_EmptyAndHostileDocuments_AreValidSarif210()
    {
        // Act & Assert
        AssertValid(Write(TestDocuments.Empty));
        AssertValid(Write(Hostile.Document));
    }

    [Fact]
    public void Write_Sample_HasOneRulePerTypeWithHelpTagsAndScore()
    {
        // Act
        var run = Write(TestDocuments.Sample).GetProperty("runs")[0];

        // Assert
        Assert.Equal("2.1.0", Write(TestDocuments.Sample).GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["PossibleSqlInjection", "Xss", "OpenRedirect", "MissingXFrameOptionsHeader"], rules.Select(r => r.GetProperty("id").GetString()));
        var xss = rules[1];
        Assert.Equal("Cross-site Scripting", xss.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Contains("Encode every untrusted value", xss.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("**Remediation**", xss.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://owasp.org/www-community/attacks/xss/", xss.GetProperty("helpUri").GetString());
        Assert.Equal("error", xss.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        var properties = xss.GetProperty("properties");
        Assert.Equal("8.0", properties.GetProperty("security-severity").GetString());
        Assert.Equal(
            ["security", "external/cwe/cwe-79", "external/owasp/owasp-top10-2021-a03", "external/wasc/wasc-8"],
            properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("9.5", rules[0].GetProperty("properties").GetProperty("security-severity").GetString());
    }

    [Fact]
    public void Write_Sample_HasOneResultPerIssueLocatedByUrl()
    {
        // Act
        var run = Write(TestDocuments.Sample).GetProperty("runs")[0];

        // Assert
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        Assert.Equal(["error", "error", "warning", "note"], results.Select(r => r.GetProperty("level").GetString()));
        var xss = results[1];
        Assert.Equal("Xss", xss.GetProperty("ruleId").GetString());
        Assert.Equal(1, xss.GetProperty("ruleIndex").GetInt32());
        Assert.Equal(
            "http://127.0.0.1:5000/xss/reflected?q=test&page=1",
            xss.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Contains("in parameter 'q' (Query)", xss.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("<hrr1>", xss.GetProperty("webRequest").GetProperty("parameters").GetProperty("q").GetString());
        Assert.Equal(200, xss.GetProperty("webResponse").GetProperty("statusCode").GetInt32());
        Assert.Equal(64, xss.GetProperty("partialFingerprints").GetProperty("harrierFingerprint/v1").GetString()!.Length);
        Assert.Equal(TestDocuments.Xss.RawRequest, xss.GetProperty("properties").GetProperty("rawRequest").GetString());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal("2024-03-28T09:53:50.000Z", run.GetProperty("invocations")[0].GetProperty("startTimeUtc").GetString());
    }

    [Fact]
    public void Write_ExcludeResponseData_LeavesNoResponseExcerpt()
    {
        // Act
        var json = Render.Report(TestDocuments.Sample, ReportType.Vulnerabilities, ReportFormat.Sarif, new ReportOptions { ExcludeResponseData = true });

        // Assert
        Assert.DoesNotContain("responseExcerpt", json, StringComparison.Ordinal);
        Assert.DoesNotContain("You searched", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OnlyConfirmedIssues_DropsTheirRulesToo()
    {
        // Act
        var run = JsonNode.Parse(Render.Report(TestDocuments.Sample, ReportType.Vulnerabilities, ReportFormat.Sarif, new ReportOptions { OnlyConfirmedIssues = true }))!["runs"]![0]!;

        // Assert
        Assert.Equal(3, run["results"]!.AsArray().Count);
        Assert.DoesNotContain(run["tool"]!["driver"]!["rules"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "PossibleSqlInjection");
    }
}
