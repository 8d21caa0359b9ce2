using Harrier.Server.Hosting;
using Microsoft.Extensions.Hosting;

// Usage: Harrier.AgentProcess Key=Value… (configuration keys, e.g. Harrier:Database:ConnectionString=… Harrier:Agent:Name=a)
var overrides = args.Select(arg => arg.Split('=', 2)).Select(pair => KeyValuePair.Create(pair[0], pair.Length > 1 ? pair[1] : null)).ToList();
using var host = HarrierAgentHost.Create([], overrides);
await HarrierAgentHost.InitializeAsync(host);
await Console.Out.WriteLineAsync("harrier-agent ready: " + string.Join(",", HarrierAgentHost.AgentNames(host)));
await host.RunAsync();
return 0;
