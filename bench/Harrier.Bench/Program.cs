using Harrier.Bench;

// Harrier scan benchmark (issue 3). Usage: see bench/run.sh and docs/BENCHMARKS.md.
//   Harrier.Bench [all] --target-dll PATH [--harrier-dll PATH] [--wrk wrk] [--runs 3] [--pages 10000] [--delay-ms 50]
//                 [--concurrency 64] [--launches 20] [--only fast,slow,pipeline,launch] [--out results.md] [--max-load 1.0]
//   Harrier.Bench scaleout --harrier-dll PATH --postgres CONN [--claims 500] [--scans 16] [--pages 20] [--delay-ms 5]
//   Harrier.Bench api-load --harrier-dll PATH [--wrk wrk] [--postgres CONN] [--seconds 10] [--small 1000] [--large 100000]
//   Harrier.Bench detection --harrier-dll PATH [--wapiti wapiti] [--pages 20] [--only wapiti,harrier] [--out results.md]
//   Harrier.Bench engine-scan --url URL [--rewrite none|heuristic] [--checks all|none] [--concurrency 64] [--warmup]
var parsed = new BenchArgs(args);
return parsed.Command switch
{
    "engine-scan" => await EngineScanCommand.RunAsync(parsed),
    "all" => await new BenchmarkSuite(parsed).RunAsync(),
    "scaleout" => await ScaleOutCommand.RunAsync(parsed),
    "api-load" => await ApiLoadCommand.RunAsync(parsed),
    "detection" => await DetectionCommand.RunAsync(parsed),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Harrier.Bench [all] --target-dll PATH [--harrier-dll PATH] … | engine-scan --url URL …");
    return 2;
}
