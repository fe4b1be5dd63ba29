return ZoneGrowth.Cli.WorkbookCommand.Run(args, Console.Out, Console.Error);
