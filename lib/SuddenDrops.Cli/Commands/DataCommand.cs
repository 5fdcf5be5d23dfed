using System.CommandLine;
using Spectre.Console;
using SuddenDrops.Data;

namespace SuddenDrops.Cli.Commands;

/// <summary>
/// <c>sdrops data check</c>: where the data root is (and why), which data sets it holds, whether their checksums match.
/// <c>sdrops data fetch</c>: downloads the data sets from upstream (or a mirror) into <c>data/</c> or <c>--data DIR</c>.
/// </summary>
internal static class DataCommand
{
    internal static Command Create()
    {
        var command = new Command("data", "Find, check and fetch the public data sets (see data/README.md).");
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateFetch());
        return command;
    }

    private static Command CreateCheck()
    {
        var data = SharedOptions.DataRoot();
        var noChecksum = new Option<bool>("--no-checksum") { Description = "Check presence only, without hashing the files." };
        var command = new Command("check", "Show the data root in use, the resolution order, and each data set's presence and checksum.");
        command.Options.Add(data);
        command.Options.Add(noChecksum);
        command.SetAction(parse => Check(parse.GetValue(data), !parse.GetValue(noChecksum)));
        return command;
    }

    private static Command CreateFetch()
    {
        var only = new Option<string?>("--only") { Description = $"Comma-separated data sets to fetch ({string.Join(", ", DataCatalog.All.Select(s => s.Name))}); default all." };
        // Not SharedOptions.DataRoot: here --data is where the data sets go, never the read-only shared folder.
        var data = new Option<string?>("--data") { Description = $"Where to write; otherwise ${DataRoot.EnvironmentVariable}, then <project>/data (never the shared folder)." };
        var mirror = new Option<string?>("--mirror") { Description = $"Base URL of a mirror laid out as host/path (default ${FetchOptions.MirrorEnvironmentVariable}, else upstream)." };
        var attempts = new Option<int>("--attempts") { Description = "Tries per download, each resuming the last.", DefaultValueFactory = _ => 3 };
        var command = new Command("fetch", "Download data sets from upstream, resumably, verifying SHA-256 before putting each file in place.");
        command.Options.Add(only);
        command.Options.Add(data);
        command.Options.Add(mirror);
        command.Options.Add(attempts);
        command.SetAction((parse, cancellation) =>
            FetchAsync(parse.GetValue(only), parse.GetValue(data), parse.GetValue(mirror), parse.GetValue(attempts), cancellation));
        return command;
    }

    private static int Check(string? explicitRoot, bool verifyChecksums)
    {
        DataRootResolution resolution;
        try
        {
            resolution = DataRoot.Resolve(explicitRoot);
        }
        catch (DataRootNotFoundException e)
        {
            AnsiConsole.Write(CandidatesTable(e.Candidates, chosen: null));
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 1;
        }

        AnsiConsole.Write(CandidatesTable(resolution.Candidates, resolution.Source));
        var statuses = DataCheck.Run(resolution.Path, verifyChecksums);
        AnsiConsole.Write(StatusTable(statuses, resolution.Path));
        var unusable = statuses.Where(s => !s.IsUsable).ToList();
        foreach (var status in unusable)
            AnsiConsole.MarkupLine($"[yellow]{status.DataSet.Name}[/]: {Markup.Escape(Problems(status))}");
        if (unusable.Count > 0)
            AnsiConsole.MarkupLine("Run [bold]sdrops data fetch[/] to download what is missing (see data/README.md).");
        return unusable.Count == 0 ? 0 : 1;
    }

    private static async Task<int> FetchAsync(string? only, string? explicitRoot, string? mirror, int attempts, CancellationToken cancellation)
    {
        IReadOnlyList<PublicDataSet> sets;
        string root;
        FetchOptions options;
        try
        {
            sets = only is null ? DataCatalog.All : [.. only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DataCatalog.Get)];
            root = DataRoot.FetchTarget(explicitRoot);
            var mirrorUrl = mirror is null ? FetchOptions.MirrorFromEnvironment() : new Uri(mirror, UriKind.Absolute);
            options = new FetchOptions(mirrorUrl, attempts);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or DataRootNotFoundException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 1;
        }

        AnsiConsole.MarkupLine($"Fetching into [bold]{Markup.Escape(root)}[/] from {Markup.Escape(options.Mirror?.ToString() ?? "upstream")}");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("sdrops-data-fetch/1.0");
        var fetcher = new DataFetcher(http, options);
        var outcomes = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(context => fetcher.FetchAllAsync(root, sets, ProgressReporter(context), cancellation));

        AnsiConsole.Write(OutcomeTable(outcomes));
        foreach (var outcome in outcomes.Where(o => o.Message is not null))
            AnsiConsole.MarkupLine($"[{(outcome.Status == FetchStatus.Failed ? "red" : "yellow")}]{outcome.DataSet.Name}[/]: {Markup.Escape(outcome.Message!)}");
        foreach (var warning in outcomes.SelectMany(o => o.Warnings))
            AnsiConsole.MarkupLine($"[yellow]warning[/]: {Markup.Escape(warning)}");
        return outcomes.Any(o => o.Status == FetchStatus.Failed) ? 1 : 0;
    }

    /// <summary>One progress bar per downloaded item, created when its first bytes arrive.</summary>
    private static Action<FetchProgress> ProgressReporter(ProgressContext context)
    {
        var tasks = new Dictionary<string, ProgressTask>();
        return progress =>
        {
            var key = $"{progress.DataSet}: {progress.Item}";
            if (!tasks.TryGetValue(key, out var task))
                tasks[key] = task = context.AddTask(Markup.Escape(key), maxValue: progress.Total ?? 1);
            if (progress.Total is { } total)
                task.MaxValue = total;
            task.Value = progress.Bytes;
        };
    }

    private static Table CandidatesTable(IReadOnlyList<DataRootCandidate> candidates, DataRootSource? chosen)
    {
        var table = new Table().Title("Data root, in resolution order").AddColumns("#", "rule", "path", "found", "used");
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            table.AddRow((i + 1).ToString(), c.Rule, Markup.Escape(c.Path ?? "-"), Markup.Escape(c.Finding), c.Source == chosen ? "[green]<-[/]" : "");
        }
        return table;
    }

    private static Table StatusTable(IReadOnlyList<DataSetStatus> statuses, string root)
    {
        var table = new Table().Title($"Data sets under {Markup.Escape(root)}").AddColumns("data set", "present", "files", "checksum", "where");
        foreach (var s in statuses)
        {
            var required = s.DataSet.RequiredFiles.Count();
            var present = s.IsPresent ? "[green]yes[/]" : s.IsMissing ? "[red]missing[/]" : "[yellow]partial[/]";
            var checksum = s.Checksum switch
            {
                ChecksumState.Ok => "[green]ok[/]",
                ChecksumState.Mismatch => "[red]MISMATCH[/]",
                _ => "not checked",
            };
            var where = Markup.Escape(string.Join(", ", s.DataSet.RequiredFiles.Select(f => f.RelativePath.Split('/')[0]).Distinct().Select(d => d + "/")));
            table.AddRow(s.DataSet.Name, present, $"{required - s.MissingFiles.Count}/{required}", checksum, where);
        }
        return table;
    }

    private static Table OutcomeTable(IReadOnlyList<FetchOutcome> outcomes)
    {
        var table = new Table().Title("Fetch").AddColumns("data set", "result", "files written");
        foreach (var o in outcomes)
        {
            var result = o.Status switch
            {
                FetchStatus.Fetched => "[green]fetched[/]",
                FetchStatus.AlreadyPresent => "[green]already present[/]",
                FetchStatus.NeedsBuild => "[yellow]needs a build step[/]",
                _ => "[red]failed[/]",
            };
            table.AddRow(o.DataSet.Name, result, o.Written.Count.ToString());
        }
        return table;
    }

    private static string Problems(DataSetStatus status)
    {
        var parts = new List<string>();
        if (status.MissingFiles.Count > 0)
            parts.Add($"missing {status.MissingFiles.Count} file(s), e.g. {status.MissingFiles[0]}");
        if (status.MismatchedFiles.Count > 0)
            parts.Add($"checksum differs for {string.Join(", ", status.MismatchedFiles)}");
        if (!status.DataSet.IsFetchable && status.DataSet.BuildInstructions is { } how)
            parts.Add(how);
        return string.Join("; ", parts);
    }
}
