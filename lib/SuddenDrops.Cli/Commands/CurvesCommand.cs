using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SuddenDrops.Experiments;
using static TorchSharp.torch;

namespace SuddenDrops.Cli.Commands;

/// <summary><c>sdrops curves</c>: per-relation UAS, BLiMP and TwoNN over a finished run's checkpoints (<see cref="CheckpointCurves"/>).</summary>
internal static class CurvesCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The run folder (config.json, vocab.txt, checkpoints/step-N/).", Required = true };
        var every = new Option<int>("--every") { Description = "Evaluate checkpoints whose step is a multiple of this (and always the first and the last).", DefaultValueFactory = _ => 500 };
        var probes = new Option<string>("--probes") { Description = "Comma-separated: relations, blimp, twonn.", DefaultValueFactory = _ => "relations,blimp,twonn" };
        var relations = new Option<int>("--relations") { Description = "Curves for this many of the most frequent base relations (beside \"all\").", DefaultValueFactory = _ => 15 };
        var minWords = new Option<int>("--min-relation-words") { Description = "A relation needs this many words in the UAS sample for a curve (paper: 100).", DefaultValueFactory = _ => 100 };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var data = SharedOptions.DataRoot();
        var output = new Option<string?>("--out") { Description = "Folder of relations.csv, probes.csv, relation_onsets.csv (default: <run>/curves)." };
        var dense = new Option<string?>("--dense") { Description = "FROM:TO:EVERY — also evaluate the checkpoints from step FROM to TO every EVERY steps (e.g. 3900:7400:100 around a transition)." };
        var command = new Command("curves", "Evaluate a run's checkpoints after the fact: per-relation UAS curves and onsets, BLiMP and TwoNN (resumable).");
        foreach (var o in new Option[] { run, every, probes, relations, minWords, threads, device, data, output, dense }) command.Options.Add(o);
        command.SetAction(parse => CliErrors.Guard(() =>
        {
            if (parse.GetValue(threads) is int n and > 0) set_num_threads(n);
            var options = new CheckpointCurvesOptions(CheckpointCurvesOptions.ParseProbes(parse.GetValue(probes)!), parse.GetValue(every),
                parse.GetValue(output), parse.GetValue(device)!, parse.GetValue(data), parse.GetValue(relations), parse.GetValue(minWords),
                parse.GetValue(dense) is string window ? DenseWindow.Parse(window) : null);
            var result = CheckpointCurves.Run(parse.GetValue(run)!, options, line => Console.WriteLine(line));
            var seconds = result.Evaluated.Select(e => e.Seconds).ToArray();
            Console.WriteLine($"curves: {result.Selected.Count} checkpoints chosen, {result.Evaluated.Count} evaluated, {result.Skipped.Count} already done" +
                              (seconds.Length > 0 ? $"; {seconds.Average():F1} s per evaluated checkpoint" : "") + $"; written to {result.OutDirectory}");
            if (result.Onsets.Count > 0) AnsiConsole.Write(OnsetTable(result.Onsets));
            return 0;
        }));
        return command;
    }

    private static Table OnsetTable(IReadOnlyList<RelationOnset> onsets)
    {
        var table = new Table().AddColumns("relation", "words", "final uas", "overall head", "baseline", "▲ structure", "inflection", "⏺ capabilities", "rise", "significant");
        foreach (var o in onsets)
        {
            var c = o.Candidate;
            table.AddRow(Markup.Escape(o.Relation), o.Words.ToString(CultureInfo.InvariantCulture), F(o.FinalUas, "F3"), F(o.FinalOverallUas, "F3"),
                $"{F(o.BaselineUas, "F3")} ({o.BaselineOffset:+0;-0})", F(c?.StructureOnsetStep, "N0"), F(c?.InflectionStep, "N0"), F(c?.CapabilitiesOnsetStep, "N0"),
                F(c?.Rise, "F3"), o.Analysis is null ? "–" : o.Onset is null ? "no onset" : "yes");
        }
        return table;
    }

    private static string F(double? value, string format) =>
        value is double d && double.IsFinite(d) ? d.ToString(format, CultureInfo.InvariantCulture) : "–";
}
