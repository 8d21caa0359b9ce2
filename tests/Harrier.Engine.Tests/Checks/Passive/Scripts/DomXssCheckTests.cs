using Harrier.Engine.Checks.Passive.Scripts;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Scripts;

public sealed class DomXssCheckTests
{
    private const string Url = "http://127.0.0.1:5000/welcome";

    [Fact]
    public void Reports_WhenHashFlowsThroughVariableIntoInnerHtml()
    {
        var page = Page("var name = decodeURIComponent(location.hash.slice(1));\ndocument.getElementById('greeting').innerHTML = 'Hello ' + name;");

        var finding = Assert.Single(CheckHarness.RunPassive(new DomXssCheck(), page));

        Assert.Equal(("DomBasedXss", Url, "location.hash", "Fragment"), (finding.Type, finding.Url, finding.Parameter, finding.ParameterLocation));
        Assert.Contains("innerHTML", finding.Evidence!.Proof, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("document.write('<p>' + location.search + '</p>');", "location.search")]
    [InlineData("var q = window.location.search.substring(1)\nvar msg = 'You searched ' + q\n$('#out').html(msg)", "location.search")]
    [InlineData("eval(unescape(document.location.hash.substr(1)));", "location.hash")]
    [InlineData("setTimeout(window.name, 10);", "window.name")]
    [InlineData("var r = document.referrer; el.insertAdjacentHTML('beforeend', `<a href=\"${r}\">back</a>`);", "document.referrer")]
    [InlineData("$(location.hash)", "location.hash")]
    [InlineData("var q = location.search;\ndocument.addEventListener('DOMContentLoaded', function () {\n  results.innerHTML = q;\n});", "location.search")]
    [InlineData("var u = document.URL;\nvar tail = u.split('#')[1];\n/* show it */\nbox.outerHTML = tail;", "document.URL")]
    public void Reports_SourceToSinkFlows(string script, string source)
    {
        var finding = Assert.Single(CheckHarness.RunPassive(new DomXssCheck(), Page(script)));

        Assert.Equal(source, finding.Parameter);
    }

    [Fact]
    public void Reports_FlowInExternalScriptFile_AtTheScriptUrl()
    {
        var script = CheckHarness.Response("http://127.0.0.1:5000/js/app.js", 200, "application/javascript; charset=utf-8",
            "function show() {\n  var h = location.hash;\n  document.querySelector('#x').innerHTML = h;\n}\n");

        var finding = Assert.Single(CheckHarness.RunPassive(new DomXssCheck(), script));

        Assert.Equal("http://127.0.0.1:5000/js/app.js", finding.Url);
    }

    [Theory]
    [InlineData("var name = decodeURIComponent(location.hash.slice(1));\ndocument.getElementById('greeting').textContent = 'Hello ' + name;")]
    [InlineData("var name = location.hash.slice(1); el.innerHTML = DOMPurify.sanitize(name);")]
    [InlineData("var q = encodeURIComponent(location.search); el.innerHTML = '<a href=\"/s?' + q + '\">again</a>';")]
    [InlineData("var page = parseInt(location.hash.slice(1), 10); el.innerHTML = 'Page ' + page;")]
    [InlineData("setTimeout(function () { el.innerHTML = 'ready'; }, location.hash.length);")]
    [InlineData("el.innerHTML = 'Use location.hash to link a section';")]
    [InlineData("var name = location.hash; name = 'guest'; el.innerHTML = 'Hello ' + name;")]
    [InlineData("var h = location.hash; $('#x').text(h); el.innerHTML = 'name: static';")]
    [InlineData("if (location.hash === '#help') { el.innerHTML = '<p>Help</p>'; }")]
    [InlineData("// el.innerHTML = location.hash;\nconsole.log('ok');")]
    [InlineData("function a(e){e=location.href.split('#')[0];return e}function b(t){t.innerHTML=e}")]
    public void DoesNotReport_SafeSinksSanitizedValuesOrNoFlow(string script)
    {
        Assert.Empty(CheckHarness.RunPassive(new DomXssCheck(), Page(script)));
    }

    [Fact]
    public void DoesNotReport_ScriptsWithSourceAttribute_DataBlocks_OrAttackResponses()
    {
        const string flow = "document.write(location.search);";
        var external = CheckHarness.Response(Url, 200, "text/html", "<script src=\"/a.js\">" + flow + "</script>");
        var data = CheckHarness.Response(Url, 200, "text/html", "<script type=\"application/json\">" + flow + "</script>");
        var attacked = AttackResponses.AsAttack(Page(flow));

        Assert.Empty(CheckHarness.RunPassive(new DomXssCheck(), external, data, attacked));
    }

    [Fact]
    public void ReportsOncePerPageAndSource()
    {
        var first = Page("document.write(location.search);");
        var again = CheckHarness.Response(Url + "?lang=en", 200, "text/html", "<script>el.innerHTML = location.search;</script>");

        Assert.Single(CheckHarness.RunPassive(new DomXssCheck(), first, again));
    }

    [Fact]
    public void ReportsTheSameScriptOnce_WhenManyPagesIncludeIt()
    {
        const string layout = "<html><body><script>el.innerHTML = location.hash;</script></body></html>";
        var pages = new[] { "/a", "/b", "/c" }.Select(p => CheckHarness.Response("http://127.0.0.1:5000" + p, 200, "text/html", layout)).ToArray();
        var other = CheckHarness.Response("http://127.0.0.1:5000/d", 200, "text/html", "<script>var h = location.hash; box.innerHTML = h;</script>");

        var findings = CheckHarness.RunPassive(new DomXssCheck(), [.. pages, other]);

        Assert.Equal(["http://127.0.0.1:5000/a", "http://127.0.0.1:5000/d"], findings.Select(f => f.Url));
    }

    private static Harrier.Engine.Http.ScanHttpResponse Page(string script) =>
        CheckHarness.Response(Url, 200, "text/html; charset=utf-8", "<html><body><div id=\"greeting\"></div>\n<script>\n" + script + "\n</script></body></html>");
}
