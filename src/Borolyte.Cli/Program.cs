using Borolyte.Cli;

return CliApp.Run(args);
