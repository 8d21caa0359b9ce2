using Harrier.Commands;

return await HarrierCli.RunAsync(args);
