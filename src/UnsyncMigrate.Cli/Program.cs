// dotnet unsync-migrate: the entry point. Everything is in CliApp and the command classes.
UnsyncMigrate.Cli.IO.Termination.Install();
return UnsyncMigrate.Cli.CliApp.Run(args);
