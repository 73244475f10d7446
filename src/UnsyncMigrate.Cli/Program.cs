// dotnet unsync-migrate: the entry point. Everything is in CliApp and the command classes.
return UnsyncMigrate.Cli.CliApp.Run(args);
