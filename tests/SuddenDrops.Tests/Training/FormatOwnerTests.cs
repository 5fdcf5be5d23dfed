using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SuddenDrops.Experiments;
using SuddenDrops.Tests.Notebooks;
using SuddenDrops.Training;

namespace SuddenDrops.Tests.Training;

/// <summary>
/// Every name of a run folder's layout and of its tables is spelled in one type, which writers and readers both use
/// (issue 18, "one owner per format"): the run folder (<see cref="RunFolder"/>), a checkpoint (<see cref="CheckpointStore"/>),
/// the <c>curves/</c> files (<see cref="CurveFiles"/>), the columns of metrics.csv and train_log.csv
/// (<see cref="MetricColumns"/>) and of relation_onsets.csv (<see cref="RelationOnsets.Column"/>). These tests read the
/// sources of lib/ with Roslyn and list every string literal that spells one of those names outside its owner.
/// <para>A file name or folder name counts wherever a literal is the name or a path with it as one segment
/// (<c>"curves/probes.csv"</c>); prose (a literal with spaces), web addresses and command names (<c>new Command("curves", …)</c>)
/// do not.
/// A column name with an underscore counts wherever it is a literal; a one-word column name (<c>step</c>, <c>uas</c>,
/// <c>blimp</c>, …), which is also an axis title or a command name, counts where it is used as a column: an index
/// (<c>row["uas"]</c>, <c>["uas"] = …</c>), an argument of a table's member (<c>Numbers("step")</c>, <c>Has("uas")</c>, …),
/// a compared key (<c>kv.Key != "tokens"</c>) or a parameter's default.</para>
/// </summary>
public class FormatOwnerTests
{
    /// <summary>Members through which code reads or writes a column by name (MetricsLog, RecordedRun, dictionaries).</summary>
    private static readonly HashSet<string> ColumnMembers =
        ["Numbers", "Series", "Has", "Find", "TruncateAfter", "Merge", "Of", "Contains", "ContainsKey", "GetValueOrDefault", "TryGetValue", "IndexOf", "Remove"];

    /// <summary>Literals that spell a name in a column context but mean something else, with why.</summary>
    private static readonly HashSet<(string File, string Literal)> Unrelated =
    [
        ("lib/SuddenDrops/Analysis/ReproductionTables.cs", "glue"), // the name of a REPRODUCTION.md block (the GLUE table), not a column
    ];

    private enum Kind { Path, Column }

    /// <summary>Each owned name, its kind and the source files (relative to the repository root) allowed to spell it.</summary>
    private static IReadOnlyDictionary<string, (Kind Kind, HashSet<string> Owners)> Names()
    {
        var names = new Dictionary<string, (Kind Kind, HashSet<string> Owners)>(StringComparer.Ordinal);
        void Own(Type type, Kind kind, string owner, Func<FieldInfo, bool>? which = null)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                if (which is not null && !which(field)) continue;
                var name = (string)field.GetRawConstantValue()!;
                if (names.TryGetValue(name, out var known)) known.Owners.Add(owner);
                else names[name] = (kind, [owner]);
            }
        }
        Own(typeof(RunFolder), Kind.Path, "lib/SuddenDrops/Training/RunFolder.cs", f => f.Name.EndsWith("File", StringComparison.Ordinal) || f.Name.EndsWith("Folder", StringComparison.Ordinal));
        Own(typeof(CheckpointStore), Kind.Path, "lib/SuddenDrops/Training/CheckpointStore.cs", f => f.Name.EndsWith("File", StringComparison.Ordinal));
        Own(typeof(CurveFiles), Kind.Path, "lib/SuddenDrops/Experiments/CurveFiles.cs");
        Own(typeof(MetricColumns), Kind.Column, "lib/SuddenDrops/Training/MetricColumns.cs");
        Own(typeof(RelationOnsets.Column), Kind.Column, "lib/SuddenDrops/Experiments/RelationOnsets.cs");
        // Other formats that share a name: the parser's folder (its own config.json, model.bin, optimizer.bin, state.json) and
        // a sweep's summary table (its own final_step column).
        foreach (var name in new[] { RunFolder.ConfigFile, CheckpointStore.ModelFile, CheckpointStore.OptimizerFile, CheckpointStore.StateFile })
            names[name].Owners.Add("lib/SuddenDrops/Parsing/ParserFolder.cs");
        names[RelationOnsets.Column.FinalStep].Owners.Add("lib/SuddenDrops/Experiments/SweepSummary.cs");
        return names;
    }

    [Fact]
    public void Run_folder_file_names_and_column_names_are_spelled_only_by_their_owners()
    {
        var root = RepositoryLayout.Root;
        var sources = new[] { "SuddenDrops", "SuddenDrops.Cli" }
            .Select(project => Path.Combine(root, "lib", project))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj")))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(sources.Count > 100, $"Found only {sources.Count} .cs files under lib/.");

        var names = Names();
        var findings = sources
            .SelectMany(file => Find(Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(file), names))
            .ToList();

        Assert.True(findings.Count == 0,
            $"{findings.Count} literal(s) spell a name of the run-folder layout or a column name outside its owner; use the owner's " +
            "constant (RunFolder, CheckpointStore, CurveFiles, MetricColumns, RelationOnsets.Column) instead:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void Each_owner_spells_its_names()
    {
        var root = RepositoryLayout.Root;
        foreach (var (name, (_, owners)) in Names())
            foreach (var owner in owners)
                Assert.True(File.ReadAllText(Path.Combine(root, owner)).Contains($"\"{name}\"", StringComparison.Ordinal), $"{owner} does not spell \"{name}\".");
    }

    [Fact]
    public void Finds_names_spelled_outside_their_owner_in_a_known_bad_snippet()
    {
        const string bad = """
            static class X
            {
                static void F(string run, MetricsLog log, Dictionary<string, object?> row, string key = "step")
                {
                    var a = Path.Combine(run, "metrics.csv");
                    var b = Path.Combine(run, "curves/probes.csv");
                    var c = log.Numbers("step");
                    row["uas"] = 1.0;
                    var d = new Dictionary<string, object?> { ["eval_loss"] = 2.0 };
                    var e = row.Where(kv => kv.Key != "tokens");
                    var f = "id_L" + 0;
                }
            }
            """;
        Assert.Equal(
            new[]
            {
                "Bad.cs:3: \"step\"", "Bad.cs:5: \"metrics.csv\"", "Bad.cs:6: \"curves/probes.csv\"", "Bad.cs:7: \"step\"", "Bad.cs:8: \"uas\"",
                "Bad.cs:9: \"eval_loss\"", "Bad.cs:10: \"tokens\"", "Bad.cs:11: \"id_L\"",
            },
            Find("Bad.cs", bad, Names()));
    }

    [Fact]
    public void Passes_over_prose_axis_titles_and_command_names()
    {
        const string good = """
            static class X
            {
                static void F(Canvas canvas)
                {
                    canvas.AddPanel(box, "Held-out MLM loss", "step", "loss (nats)");
                    var command = new Command("curves", "Evaluate a run's checkpoints after the fact.");
                    var option = new Option<string>("--checkpoint") { Description = "A run folder, a checkpoints/step-N folder or its model.bin." };
                    var catalog = new[] { "blimp", "glue" };
                    var vocabulary = new Uri("https://huggingface.co/google-bert/bert-base-uncased/resolve/main/vocab.txt");
                    var column = MetricColumns.Uas;
                }
            }
            """;
        Assert.Empty(Find("Good.cs", good, Names()));
    }

    /// <summary>"file:line: literal" for each literal of <paramref name="source"/> that spells a name <paramref name="file"/> does not own.</summary>
    private static List<string> Find(string file, string source, IReadOnlyDictionary<string, (Kind Kind, HashSet<string> Owners)> names)
    {
        var findings = new List<string>();
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken)
                && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                continue;
            var text = token.ValueText;
            var spelled = names.Where(n => !n.Value.Owners.Contains(file) && !Unrelated.Contains((file, n.Key)) && Spells(token, text, n.Key, n.Value.Kind));
            if (spelled.Any())
                findings.Add($"{file}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: \"{text}\"");
        }
        return findings;
    }

    private static bool Spells(SyntaxToken token, string text, string name, Kind kind)
    {
        if (kind == Kind.Path)
        {
            if (text.Any(char.IsWhiteSpace) || text.Contains("://", StringComparison.Ordinal) || IsCommandName(token)) return false;
            return text == name || text.Split('/', '\\').Contains(name, StringComparer.Ordinal);
        }
        if (text != name) return false;
        return name.Contains('_', StringComparison.Ordinal) || IsColumnUse(token);
    }

    /// <summary>The first argument of <c>new Command(…)</c>: the name of an <c>sdrops</c> command.</summary>
    private static bool IsCommandName(SyntaxToken token) =>
        token.Parent is LiteralExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } list } argument }
        && list.Arguments.IndexOf(argument) == 0 && creation.Type.ToString() == "Command";

    private static bool IsColumnUse(SyntaxToken token)
    {
        if (token.Parent is not LiteralExpressionSyntax literal) return false;
        return literal.Parent switch
        {
            ArgumentSyntax { Parent: BracketedArgumentListSyntax } => true, // row["uas"], ["uas"] = …
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } => ColumnMembers.Contains(MemberName(call.Expression)),
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression),
            EqualsValueClauseSyntax { Parent: ParameterSyntax } => true, // string key = "step"
            _ => false,
        };
    }

    private static string MemberName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };
}
