// Keep the writers taken now: while a notebook cell runs, .NET Interactive swaps Console.Out/Error process-wide.
var code = ZoneGrowth.Cli.WorkbookCommand.Run(args, Console.Out, Console.Error);
Console.Out.Flush();
Console.Error.Flush();
// Exit explicitly: a timed-out cell that never yields (while (true) { }) keeps running on its thread, and only
// ending the process stops it.
Environment.Exit(code);
