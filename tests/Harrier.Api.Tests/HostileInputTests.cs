using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Api.Tests;

/// <summary>
/// Every API endpoint, found in the server's own route table, gets a few hundred hostile requests: truncated and
/// malformed JSON, wrong types, extreme numbers, deep nesting, invalid UTF-8, unknown enum names, path tricks.
/// None may answer a 5xx, and every 4xx carries a Message (or the plugins' ErrorMessage).
/// </summary>
public sealed class HostileInputTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    private const int CasesPerEndpoint = 60;

    private static readonly string[] s_seedBodies =
    [
        "{\"TargetUri\":\"http://127.0.0.1:9/fuzz/\",\"Scope\":\"WholeDomain\",\"ExcludedLinks\":[{\"RegexPattern\":\"x\"}],\"TimeWindow\":{\"Items\":[{\"Day\":\"Monday\",\"From\":\"09:00\",\"To\":\"10:00\"}]},\"MaxScanDuration\":2}",
        "{\"RootUrl\":\"http://127.0.0.9:9/\",\"Name\":\"Fuzz\",\"Groups\":[\"g\"],\"Tags\":[\"t\"]}",
        "{\"ProfileName\":\"p\",\"TargetUri\":\"http://127.0.0.1:9/\",\"HeaderAuthentication\":{\"IsEnabled\":true,\"Headers\":[{\"Name\":\"A\",\"Value\":\"b\"}]}}",
        "{\"BaseScanId\":\"00000000-0000-0000-0000-000000000000\",\"MaxScanDuration\":1}",
        "\"00000000-0000-0000-0000-000000000000\"",
        "[\"00000000-0000-0000-0000-000000000000\"]",
        "{'ScanId':'00000000-0000-0000-0000-000000000000','IsConfirmed':true}",
    ];

    private static readonly string[] s_hostileValues =
    [
        "null", "true", "-1", "0", "2147483648", "-9223372036854775809", "1e309", "\"\"", "\"\\u0000\"", "[]", "{}",
        "\"NotAnEnumValue\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"\\r\\nX-Injected: 1\"",
        "\"" + new string('A', 20_000) + "\"", new string('[', 200) + new string(']', 200),
    ];

    [Fact]
    public async Task EveryEndpoint_AnswersHostileInputWithout5xx_AndWithAMessage()
    {
        // Arrange
        var endpoints = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Pattern.StartsWith("/api/1.0/", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Methods.Select(m => (e.Pattern, Method: m)))
            .Distinct().OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
        var random = new Random(20261128);
        var client = fixture.Client();
        var failures = new List<string>();
        var tried = 0;

        // Act
        foreach (var (pattern, method) in endpoints)
        {
            for (var i = 0; i < CasesPerEndpoint; i++)
            {
                var path = FillRoute(pattern, random) + HostileQuery(random);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST")
                {
                    request.Content = HostileBody(random);
                }

                using var response = await client.SendAsync(request, Api.Ct);
                tried++;
                var text = await response.Content.ReadAsStringAsync(Api.Ct);
                if ((int)response.StatusCode >= 500
                    || (int)response.StatusCode >= 400 && !text.Contains("Message", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {path} → {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                }
            }
        }

        // Assert
        TestContext.Current.SendDiagnosticMessage($"{tried} hostile requests over {endpoints.Count} endpoints");
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} endpoints found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} failed:\n" + string.Join('\n', failures.Take(20)));
    }

    private static string FillRoute(string pattern, Random random)
    {
        var segments = pattern.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                segments[i] = Uri.EscapeDataString(Pick(random, [Guid.NewGuid().ToString(), "not-a-guid", "..%2f..", "%00", "' OR 1=1 --", new string('9', 400), "00000000000000000000000000000000"]));
            }
        }

        return string.Join('/', segments);
    }

    private static string HostileQuery(Random random) => random.Next(3) switch
    {
        0 => "",
        1 => $"?page={Pick(random, ["0", "-5", "abc", "99999999999", "1"])}&pageSize={Pick(random, ["0", "201", "x", "20"])}",
        _ => $"?id={Uri.EscapeDataString(Pick(random, ["", "zz", Guid.NewGuid().ToString()]))}&type={Pick(random, ["Vulnerabilities", "Nope", "3"])}"
            + $"&format={Pick(random, ["Json", "Html", "Exe"])}&scanTaskState={Pick(random, ["Queued", "Sleeping", "1"])}&query=%3Cscript%3E&name=%00"
            + $"&startDate={Pick(random, ["01/01/2020", "yesterday", "2020-13-45"])}",
    };

    private static HttpContent HostileBody(Random random)
    {
        var seed = Pick(random, s_seedBodies);
        return random.Next(6) switch
        {
            0 => Json(seed[..random.Next(seed.Length)]),
            1 => Json(ReplaceAValue(seed, random)),
            2 => new ByteArrayContent([.. Encoding.UTF8.GetBytes(seed[..(seed.Length / 2)]), 0xC3, 0x28, 0xFF]) { Headers = { ContentType = new("application/json") } },
            3 => new StringContent("TargetUri=http%3A%2F%2F127.0.0.1%3A9%2F&ExcludedLinks[0][RegexPattern]=(&Tags[99999]=x&A.B[=c&=%ZZ", Encoding.UTF8, "application/x-www-form-urlencoded"),
            4 => Json(Pick(random, s_hostileValues)),
            _ => Json(seed),
        };
    }

    private static string ReplaceAValue(string seed, Random random)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(seed);
        }
        catch (System.Text.Json.JsonException)
        {
            return seed;
        }

        if (node is not JsonObject obj || obj.Count == 0)
        {
            return Pick(random, s_hostileValues);
        }

        var key = obj.ElementAt(random.Next(obj.Count)).Key;
        return obj.ToJsonString().Replace(obj[key]!.ToJsonString(), Pick(random, s_hostileValues), StringComparison.Ordinal);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
