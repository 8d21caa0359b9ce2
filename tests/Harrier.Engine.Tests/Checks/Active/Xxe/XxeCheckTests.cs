using System.Xml;
using Harrier.Engine.Checks;
using Harrier.Engine.Checks.Active.Xxe;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.Xxe;

public sealed class XxeCheckTests : IAsyncLifetime
{
    private OutOfBandTarget _target = null!;

    public async ValueTask InitializeAsync() => _target = await OutOfBandTarget.StartAsync();

    public ValueTask DisposeAsync() => _target.DisposeAsync();

    [Theory]
    [InlineData(AttackStrength.Low)]
    [InlineData(AttackStrength.Medium)]
    public async Task Reports_InBand_WhenAnExternalEntityReadsAFile(AttackStrength strength)
    {
        // Act
        var run = await _target.RunAsync(new XxeCheck(), _target.PostXml("/vuln/xxe/order", "<order><item>book</item></order>"), strength);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("Xxe", finding.Type);
        Assert.Equal("item", finding.Parameter);
        Assert.Equal("Xml", finding.ParameterLocation);
        Assert.Contains("file:///etc/passwd", finding.Payload, StringComparison.Ordinal);
        Assert.StartsWith("root:x:0:0:", finding.Evidence!.Proof, StringComparison.Ordinal);
        Assert.All(run.RequestsPerInsertionPoint, used => Assert.InRange(used, 0, AttackBudget.For(strength)));
    }

    [Theory]
    [InlineData(AttackStrength.Low)]
    [InlineData(AttackStrength.Medium)]
    public async Task Reports_OutOfBand_WhenTheParserFetchesTheListenerUrl(AttackStrength strength)
    {
        // Act
        var run = await _target.RunAsync(new XxeCheck(), _target.PostXml("/vuln/xxe/import", "<import><source>catalog</source></import>"), strength);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("OutOfBandXxe", finding.Type);
        Assert.Equal("source", finding.Parameter);
        Assert.Contains(_target.Listener.BaseUrl.AbsoluteUri, finding.Payload, StringComparison.Ordinal);
        Assert.Contains("Out-of-band callback", finding.Evidence!.Proof, StringComparison.Ordinal);
        Assert.All(run.RequestsPerInsertionPoint, used => Assert.InRange(used, 0, AttackBudget.For(strength)));
    }

    [Theory]
    [InlineData("/safe/xxe/order", "<order><item>book</item></order>")]
    [InlineData("/safe/xxe/import", "<import><source>catalog</source></import>")]
    public async Task DoesNotReport_OnTheSafeTwins(string path, string body)
    {
        var run = await _target.RunAsync(new XxeCheck(), _target.PostXml(path, body));

        Assert.Empty(run.Findings);
        Assert.Empty(_target.Listener.Callbacks);
    }

    [Fact]
    public async Task Reports_Possible_WhenOnlyInternalEntitiesExpand_InAParameterCarryingXml()
    {
        // Arrange: a real .NET parser with DTDs on and no resolver: internal entities expand, nothing external is read.
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/vuln/doc", (string? doc) => Results.Text(ParseText(doc, DtdProcessing.Parse)));
            app.MapGet("/safe/doc", (string? doc) => Results.Text(ParseText(doc, DtdProcessing.Prohibit)));
        }, TestContext.Current.CancellationToken);
        var query = "?doc=" + Uri.EscapeDataString("<note><to>bob</to></note>");

        // Act
        var vulnerable = await CheckHarness.RunActiveAsync(new XxeCheck(), server, Engine.Http.ScanHttpRequest.Get(server.Url("/vuln/doc" + query)), outOfBand: _target.Listener);
        var safe = await CheckHarness.RunActiveAsync(new XxeCheck(), server, Engine.Http.ScanHttpRequest.Get(server.Url("/safe/doc" + query)), outOfBand: _target.Listener);

        // Assert
        var finding = Assert.Single(vulnerable.Findings);
        Assert.Equal("PossibleXxe", finding.Type);
        Assert.Equal("doc", finding.Parameter);
        Assert.Empty(safe.Findings);
    }

    [Fact]
    public async Task IgnoresValuesThatAreNotXml()
    {
        var run = await _target.RunAsync(new XxeCheck(), _target.Get("/vuln/xss/html?q=harrier"));

        Assert.Empty(run.Findings);
        Assert.Equal(0, run.RequestsReceived);
    }

    [Fact]
    public async Task BrokenResponses_DoNotStopOtherInsertionPoints()
    {
        // Arrange: an attack on <a> resets the connection; one on <b> "resolves" the passwd entity.
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/both", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            if (body.Contains("<!DOCTYPE", StringComparison.Ordinal) && body.Contains("<b>x</b>", StringComparison.Ordinal))
            {
                context.Abort();
                return;
            }

            var resolved = body.Contains("SYSTEM \"file:///etc/passwd\"", StringComparison.Ordinal) && body.Contains("<b>&hrrx;</b>", StringComparison.Ordinal);
            await context.Response.WriteAsync(resolved ? "root:x:0:0:root:/root:/bin/bash" : "ok", context.RequestAborted);
        }), TestContext.Current.CancellationToken);

        // Act
        var run = await CheckHarness.RunActiveAsync(
            new XxeCheck(), server, new Engine.Http.ScanHttpRequest("POST", server.Url("/both")) { Body = "<both><a>1</a><b>x</b></both>", ContentType = "text/xml" },
            outOfBand: _target.Listener);

        // Assert
        var finding = Assert.Single(run.Findings);
        Assert.Equal("b", finding.Parameter);
        Assert.Equal("Xxe", finding.Type);
    }

    private static string ParseText(string? xml, DtdProcessing dtd)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml ?? ""), new XmlReaderSettings { DtdProcessing = dtd, XmlResolver = null });
            var text = new System.Text.StringBuilder();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Text)
                {
                    text.Append(reader.Value);
                }
            }

            return "Note: " + text;
        }
        catch (XmlException)
        {
            return "Invalid document.";
        }
    }
}
