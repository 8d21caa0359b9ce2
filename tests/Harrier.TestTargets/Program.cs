using System.Globalization;
using Harrier.TestTargets;

// Standalone mode for demos and benchmarks:
//   dotnet run -c Release --project tests/Harrier.TestTargets -- --port 8081 [--pages 10000] [--delay-ms 0] [--jitter-ms 0] [--out-of-scope http://127.0.0.1:8082/]
var options = new TestTargetOptions { Port = 8081 };
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--port" when value is not null:
            options.Port = int.Parse(value, CultureInfo.InvariantCulture);
            i++;
            break;
        case "--pages" when value is not null:
            options.GeneratedPages = int.Parse(value, CultureInfo.InvariantCulture);
            i++;
            break;
        case "--delay-ms" when value is not null:
            options.ResponseDelay = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture));
            i++;
            break;
        case "--jitter-ms" when value is not null:
            options.ResponseJitter = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture));
            i++;
            break;
        case "--out-of-scope" when value is not null:
            options.OutOfScopeBaseUrl = new Uri(value, UriKind.Absolute);
            i++;
            break;
        default:
            await Console.Error.WriteLineAsync(
                "usage: Harrier.TestTargets [--port 8081] [--pages 10000] [--delay-ms 0] [--jitter-ms 0] [--out-of-scope URL]").ConfigureAwait(false);
            return 2;
    }
}

await using var target = await TestTargetServer.StartAsync(options).ConfigureAwait(false);
Console.WriteLine(target.BaseUrl);
Console.WriteLine($"Harrier test target listening on {target.BaseUrl} ({KnownVulnerabilities.All.Count} known vulnerabilities, " +
    $"{options.GeneratedPages} generated pages). Press Ctrl+C to stop.");
await target.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
