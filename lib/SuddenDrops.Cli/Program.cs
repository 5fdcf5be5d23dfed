using System.CommandLine;
using SuddenDrops.Cli.Commands;

// sdrops: the command line of SuddenDrops. Each command lives in Commands/ and only calls the library.
var root = new RootCommand("SuddenDrops: syntax acquisition, phase transitions and simplicity bias in masked language models.");
foreach (var command in CommandCatalog.All())
    root.Subcommands.Add(command);
return root.Parse(args).Invoke();
