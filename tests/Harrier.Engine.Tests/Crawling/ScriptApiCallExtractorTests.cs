using Harrier.Engine.Crawling;

namespace Harrier.Engine.Tests.Crawling;

public sealed class ScriptApiCallExtractorTests
{
    private static readonly Uri s_page = new("http://127.0.0.1:5000/app/page");

    [Fact]
    public void Extract_FetchWithJsonStringifyOfALiteral_IsAJsonPost()
    {
        const string script = """
            document.getElementById('go').addEventListener('click', function () {
              fetch('/api/search', { method: 'post', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ name: "widget", page: 2, tags: ['a', "b"], exact: true, owner: null, }) });
            });
            """;

        var call = Assert.Single(ScriptApiCallExtractor.Extract(s_page, script));

        Assert.Equal(("POST", "http://127.0.0.1:5000/api/search"), (call.Method, call.Url.AbsoluteUri));
        Assert.Equal("application/json", call.ContentType);
        Assert.Equal("""{"name":"widget","page":2,"tags":["a","b"],"exact":true,"owner":null}""", call.Body);
    }

    [Fact]
    public void Extract_FetchWithAnXmlStringBody_KeepsTheTextAndItsContentType()
    {
        const string script = """fetch("orders", {method: "PUT", headers: {"content-type": "application/xml"}, body: "<order><item>book<\/item><note>it\u0027s</note></order>"});""";

        var call = Assert.Single(ScriptApiCallExtractor.Extract(s_page, script));

        Assert.Equal(("PUT", "http://127.0.0.1:5000/app/orders"), (call.Method, call.Url.AbsoluteUri));
        Assert.Equal("application/xml", call.ContentType);
        Assert.Equal("<order><item>book</item><note>it's</note></order>", call.Body);
    }

    [Fact]
    public void Extract_XmlHttpRequest_OpenHeaderAndSend()
    {
        const string script = """
            var xhr = new XMLHttpRequest();
            xhr.open('POST', '/api/import');
            xhr.setRequestHeader('Content-Type', 'text/xml');
            xhr.send('<import><source>catalog</source></import>');
            var other = new XMLHttpRequest();
            other.open("GET", "/api/status?verbose=1");
            other.send();
            """;

        var calls = ScriptApiCallExtractor.Extract(s_page, script);

        Assert.Equal(2, calls.Count);
        Assert.Equal(("POST", "/api/import", "text/xml", "<import><source>catalog</source></import>"), (calls[0].Method, calls[0].Url.AbsolutePath, calls[0].ContentType, calls[0].Body));
        Assert.Equal(("GET", "/api/status?verbose=1", null), (calls[1].Method, calls[1].Url.PathAndQuery, calls[1].Body));
    }

    [Fact]
    public void Extract_AStringBodyWithoutContentType_IsPlainText_AndAGetFetchIsALink()
    {
        var calls = ScriptApiCallExtractor.Extract(s_page, "fetch('/a', {method: 'POST', body: 'x=1'}); fetch('/b');");

        Assert.Equal(("POST", "text/plain;charset=UTF-8", "x=1"), (calls[0].Method, calls[0].ContentType, calls[0].Body));
        Assert.Equal(("GET", "/b", null), (calls[1].Method, calls[1].Url.AbsolutePath, calls[1].Body));
    }

    [Theory]
    [InlineData("fetch(url, {method: 'POST', body: '{}'});")]                                                  // URL in a variable
    [InlineData("fetch('/api/' + id, {method: 'POST', body: '{}'});")]                                          // computed URL
    [InlineData("fetch(`/api/${id}`);")]                                                                         // template substitution
    [InlineData("fetch('/api', {method: 'POST', body: JSON.stringify({ name: input.value })});")]               // computed value
    [InlineData("fetch('/api', {method: 'POST', body: JSON.stringify(data)});")]                                // body in a variable
    [InlineData("fetch('/api', options);")]                                                                      // options in a variable
    [InlineData("fetch('/api', {method: verb, body: 'x'});")]                                                    // computed method
    [InlineData("fetch('javascript:alert(1)');")]                                                                // not http
    [InlineData("myfetch('/api'); obj.fetch('/api');")]                                                          // not the global fetch
    [InlineData("window.open('/popup', '_blank');")]                                                             // not an XMLHttpRequest
    [InlineData("var x = new XMLHttpRequest(); x.open('POST', '/api'); x.send(body);")]                         // body in a variable
    [InlineData("var x = new XMLHttpRequest(); x.open(method, '/api'); x.send();")]                              // computed method
    [InlineData("// fetch is mentioned in prose only")]
    public void Extract_IgnoresAnythingComputed(string script)
    {
        Assert.Empty(ScriptApiCallExtractor.Extract(s_page, script));
    }

    [Fact]
    public void HtmlLinkExtractor_ReturnsInlineScriptCalls_NotThoseOfExternalScripts()
    {
        const string html = """
            <html><body>
            <script src="/app.js">fetch('/ignored', {method: 'POST', body: 'x'});</script>
            <script>fetch('/api/items', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({id: 1})});</script>
            </body></html>
            """;

        var links = HtmlLinkExtractor.Extract(s_page, html);

        var call = Assert.Single(links.ScriptCalls);
        Assert.Equal(("POST", "/api/items", """{"id":1}"""), (call.Method, call.Url.AbsolutePath, call.Body));
    }
}
