using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace SuddenDrops.Tests.Model;

/// <summary>
/// TorchSharp 0.107 turns a double/float/int/long/bool argument into a <c>TorchSharp.Scalar</c> implicitly, passes its
/// native handle to libtorch and leaves the temporary to the finaliser, which another thread's GC can run mid-call
/// (environment.md, "Scalars"). These tests compile lib/SuddenDrops with Roslyn and list every such implicit conversion,
/// and every call of a TorchSharp member that makes the same unheld conversion itself from a number it is given (in 0.107
/// <c>Tensor * double</c>, <c>Tensor + double</c>, … and <c>nn.functional.leaky_relu(x, 0.1)</c> are <c>left.mul(right)</c>
/// with an implicit <c>Scalar</c>: their IL calls <c>Scalar.op_Implicit</c> and holds no <c>Scalar</c> local).
/// The fix is <c>using var s = 0.9.ToScalar(); t.mul_(s);</c> or a Scalar field owned and disposed by the module.
/// </summary>
public class ImplicitScalarTests
{
    /// <summary>
    /// Errors that only say a reference is missing or of another version, and CS8795: a partial method whose other part
    /// a source generator writes ([GeneratedRegex]; no generator runs here). The rest of the compile still binds.
    /// </summary>
    private static readonly ImmutableHashSet<string> Noise = ["CS0012", "CS1701", "CS1702", "CS1705", "CS8090", "CS8795"];

    /// <summary>The SDK's implicit usings (ImplicitUsings=enable in Directory.Build.props), which live in obj/ and not in the sources.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    [Fact]
    public void The_library_passes_no_implicitly_converted_Scalar_to_libtorch()
    {
        var root = Notebooks.RepositoryLayout.Root;
        var library = Path.Combine(root, "lib", "SuddenDrops");
        var sources = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(library, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(sources.Count > 100, $"Found only {sources.Count} .cs files under {library}.");

        var trees = sources
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, path: Path.GetRelativePath(root, f)))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "GlobalUsings.g.cs"))
            .ToList();
        var findings = Find(Compile("SuddenDrops", trees));

        Assert.True(findings.Count == 0,
            $"{findings.Count} implicit conversion(s) to TorchSharp.Scalar in lib/SuddenDrops: each temporary can be finalised " +
            "while libtorch reads it (environment.md, \"Scalars\"). Hold it instead: `using var s = 0.9.ToScalar(); t.mul_(s);`, " +
            "or a readonly Scalar field disposed with the module.\n" + string.Join("\n", findings));
    }

    [Fact]
    public void Finds_the_conversion_in_a_known_bad_snippet()
    {
        const string bad = "using TorchSharp; static class X { static void F(torch.Tensor t) => t.mul_(0.5); }";
        var findings = Find(Compile("Bad", [CSharpSyntaxTree.ParseText(bad, ParseOptions, path: "Bad.cs")]));
        var finding = Assert.Single(findings);
        Assert.Equal("Bad.cs:1: 0.5 (double → Scalar) in t.mul_(0.5)", finding);
    }

    [Fact]
    public void Finds_numbers_that_TorchSharp_members_convert_themselves()
    {
        const string bad = """
            using TorchSharp;
            static class X
            {
                static torch.Tensor F(torch.Tensor t) => t * 0.5;
                static torch.Tensor G(torch.Tensor t) => torch.nn.functional.leaky_relu(t, 0.1);
            }
            """;
        var findings = Find(Compile("Bad", [CSharpSyntaxTree.ParseText(bad, ParseOptions, path: "Bad.cs")]));
        Assert.Collection(findings,
            f => Assert.StartsWith("Bad.cs:4: 0.5 (double → Scalar) in t * 0.5 (TorchSharp's torch.Tensor.operator *(", f),
            f => Assert.StartsWith("Bad.cs:5: 0.1 (double → Scalar) in torch.nn.functional.leaky_relu(t, 0.1) (TorchSharp's", f));
    }

    [Fact]
    public void Finds_the_Scalar_1_that_TorchSharp_makes_in_a_sum_of_two_tensors()
    {
        const string bad = """
            using TorchSharp;
            static class X
            {
                static torch.Tensor F(torch.Tensor a, torch.Tensor b) => a + b;
                static torch.Tensor G(torch.Tensor a, torch.Tensor b) => a.add_(b);
            }
            """;
        var findings = Find(Compile("Bad", [CSharpSyntaxTree.ParseText(bad, ParseOptions, path: "Bad.cs")]));
        Assert.Collection(findings,
            f => Assert.StartsWith("Bad.cs:4: a + b (TorchSharp's torch.Tensor.operator +(", f),
            f => Assert.StartsWith("Bad.cs:5: a.add_(b) (TorchSharp's torch.Tensor.add_(", f));
    }

    [Fact]
    public void A_sum_with_a_held_alpha_is_not_a_finding()
    {
        const string good = """
            using TorchSharp;
            static class X
            {
                static torch.Tensor F(torch.Tensor a, torch.Tensor b, TorchSharp.Scalar one) => a.add(b, one).add_(b, one);
            }
            """;
        Assert.Empty(Find(Compile("Good", [CSharpSyntaxTree.ParseText(good, ParseOptions, path: "Good.cs")])));
    }

    [Fact]
    public void A_held_Scalar_is_not_a_finding()
    {
        const string good = """
            using TorchSharp;
            static class X
            {
                static void F(torch.Tensor t)
                {
                    using var half = 0.5.ToScalar();
                    using TorchSharp.Scalar third = 1.0 / 3; // implicit, but disposed at the end of the block
                    t.mul_(half).mul_(third);
                }
            }
            """;
        Assert.Empty(Find(Compile("Good", [CSharpSyntaxTree.ParseText(good, ParseOptions, path: "Good.cs")])));
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0] is "bin" or "obj";

    private static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> trees)
    {
        var compilation = CSharpCompilation.Create(name, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !Noise.Contains(d.Id))
            .ToList();
        Assert.True(errors.Count == 0,
            $"The Roslyn compile of {name} has {errors.Count} error(s), so its conversions cannot be trusted:\n" +
            string.Join("\n", errors.Take(20).Select(d => d.ToString())));
        return compilation;
    }

    /// <summary>"file:line: operand (from → Scalar) in enclosing expression" for each unheld conversion to Scalar.</summary>
    private static List<string> Find(CSharpCompilation compilation)
    {
        var scalar = compilation.GetTypeByMetadataName("TorchSharp.Scalar");
        Assert.True(scalar is not null, "TorchSharp.Scalar is not among the references: is TorchSharp.dll next to the tests?");
        var found = new SortedDictionary<(string File, int Line, int Column), string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                // Each member body, field initializer, … is one operation tree whose root has no parent.
                if (model.GetOperation(node) is not { Parent: null } body) continue;
                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation is IConversionOperation conversion && IsImplicitToScalar(conversion, scalar) && !IsHeld(conversion))
                        Add(found, conversion.Syntax, conversion.Operand.Type, EnclosingExpression(conversion));
                    // Argument conversions the compiler inserts (VB-style InConversion; C# puts them in Value, caught above).
                    if (operation is IArgumentOperation { InConversion: { IsUserDefined: true, MethodSymbol: { } method } } argument
                        && IsScalarOperator(method, scalar))
                        Add(found, argument.Value.Syntax, argument.Value.Type, argument.Parent ?? argument);
                    // A TorchSharp member that makes a Scalar it does not hold: of a number handed to it (t * 0.5), or of
                    // a constant of its own (a + b is a.add(b), which is a.add(b, 1) with an implicit Scalar 1).
                    if (CalledMethod(operation) is { } called && ConvertsUnheld(called))
                    {
                        var member = called.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                        if (NumberArgument(operation, called) is { } number)
                            Add(found, number.Syntax, number.Type, operation, $"TorchSharp's {member} makes an unheld Scalar of it");
                        else
                            Add(found, operation.Syntax, null, operation, $"TorchSharp's {member} makes an unheld Scalar of its own");
                    }
                }
            }
        }
        return [.. found.Values];
    }

    private static bool IsImplicitToScalar(IConversionOperation conversion, INamedTypeSymbol scalar) =>
        conversion.IsImplicit
        && conversion.OperatorMethod is { } method
        && IsScalarOperator(method, scalar)
        && SymbolEqualityComparer.Default.Equals(conversion.Type, scalar);

    private static bool IsScalarOperator(IMethodSymbol method, INamedTypeSymbol scalar) =>
        method.ContainingType is { Name: "Scalar", ContainingNamespace: { Name: "TorchSharp", ContainingNamespace.IsGlobalNamespace: true } }
        && SymbolEqualityComparer.Default.Equals(method.ReturnType, scalar);

    /// <summary><c>using Scalar s = 0.5;</c>: the local owns the Scalar until the end of its scope.</summary>
    private static bool IsHeld(IConversionOperation conversion) =>
        conversion.Parent is IVariableInitializerOperation
        {
            Parent: IVariableDeclaratorOperation
            {
                Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation { Parent: IUsingOperation or IUsingDeclarationOperation } }
            }
        };

    /// <summary>The call, operator or initializer the converted value goes into.</summary>
    private static IOperation EnclosingExpression(IOperation conversion)
    {
        var parent = conversion.Parent;
        while (parent is IArgumentOperation or IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            parent = parent.Parent;
        return parent ?? conversion;
    }

    private static void Add(SortedDictionary<(string, int, int), string> found, SyntaxNode operand, ITypeSymbol? from, IOperation context,
        string? how = null)
    {
        var span = operand.GetLocation().GetLineSpan();
        var key = (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character);
        var where = $"{span.Path.Replace('\\', '/')}:{key.Item2}: ";
        found.TryAdd(key, from is null
            ? where + OneLine(context.Syntax) + $" ({how})"
            : where + $"{OneLine(operand)} ({from.ToDisplayString()} → Scalar) in " + OneLine(context.Syntax) + (how is null ? "" : $" ({how})"));
    }

    /// <summary>The user-defined operator or method an operation calls, when TorchSharp declares it.</summary>
    private static IMethodSymbol? CalledMethod(IOperation operation)
    {
        var method = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IBinaryOperation binary => binary.OperatorMethod,
            ICompoundAssignmentOperation compound => compound.OperatorMethod,
            IUnaryOperation unary => unary.OperatorMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };
        return method?.ContainingAssembly?.Name == "TorchSharp" ? method : null;
    }

    /// <summary>The first operand or argument of a primitive number type (one a Scalar can be made of) in the call.</summary>
    private static IOperation? NumberArgument(IOperation call, IMethodSymbol method)
    {
        IEnumerable<(IOperation Value, ITypeSymbol Type)> passed = call switch
        {
            IBinaryOperation binary => [(binary.LeftOperand, method.Parameters[0].Type), (binary.RightOperand, method.Parameters[1].Type)],
            ICompoundAssignmentOperation compound => [(compound.Value, method.Parameters[1].Type)],
            _ => call.ChildOperations.OfType<IArgumentOperation>()
                .Where(a => a.Parameter is not null && a.ArgumentKind != ArgumentKind.DefaultValue)
                .Select(a => (a.Value, a.Parameter!.Type)),
        };
        return passed.FirstOrDefault(p => IsNumber(p.Type)).Value;
    }

    private static bool IsNumber(ITypeSymbol type) => type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Byte
        or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Single or SpecialType.System_Double;

    private static readonly ConcurrentDictionary<string, bool> UnheldByMethod = new();

    /// <summary>
    /// Whether the TorchSharp member's own IL calls <c>Scalar.op_Implicit</c> and keeps no <c>Scalar</c> local (a held
    /// one is a <c>using Scalar s = …</c> local). Members returning a Scalar (<c>ToScalar</c>) hand it to the caller.
    /// </summary>
    private static bool ConvertsUnheld(IMethodSymbol method) =>
        method.ReturnType.Name != "Scalar"
        && UnheldByMethod.GetOrAdd(method.OriginalDefinition.GetDocumentationCommentId() ?? method.ToDisplayString(),
            _ => ReflectedMethods(method.OriginalDefinition).Any(m => ConvertsUnheld(m, UnheldCallDepth)));

    /// <summary>
    /// How many TorchSharp calls deep a conversion is looked for: <c>a + b</c> is <c>operator +</c> → <c>add(Tensor)</c> →
    /// <c>add(Tensor, Scalar)</c> with an implicit 1, so depth 1 finds it; 2 leaves a margin for overloads that forward.
    /// </summary>
    private const int UnheldCallDepth = 2;

    private static bool ConvertsUnheld(MethodBase method, int depth)
    {
        var body = method.GetMethodBody();
        var il = body?.GetILAsByteArray();
        if (body is null || il is null || body.LocalVariables.Any(l => l.LocalType == typeof(TorchSharp.Scalar))) return false;
        var callees = new List<MethodBase>();
        foreach (var token in CalledTokens(il))
        {
            MethodBase? callee;
            try { callee = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null); }
            catch (ArgumentException) { continue; }
            if (callee is MethodInfo { Name: "op_Implicit" } info && info.ReturnType == typeof(TorchSharp.Scalar)) return true;
            if (callee is not null && callee.Module == method.Module && (callee as MethodInfo)?.ReturnType != typeof(TorchSharp.Scalar)) callees.Add(callee);
        }
        return depth > 0 && callees.Any(c => ConvertsUnheld(c, depth - 1));
    }

    /// <summary>The metadata tokens of the methods that IL calls (call, callvirt, newobj).</summary>
    private static IEnumerable<int> CalledTokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? TwoByteOpCodes[il[i + 1]] : OneByteOpCodes[il[i]];
            i += code.Size;
            if (code == OpCodes.Call || code == OpCodes.Callvirt || code == OpCodes.Newobj) yield return BitConverter.ToInt32(il, i);
            i += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }

    private static readonly OpCode[] OneByteOpCodes = OpCodeTable(twoByte: false);
    private static readonly OpCode[] TwoByteOpCodes = OpCodeTable(twoByte: true);

    private static OpCode[] OpCodeTable(bool twoByte)
    {
        var table = new OpCode[256];
        foreach (var code in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!))
            if ((code.Size == 2) == twoByte) table[code.Value & 0xFF] = code;
        return table;
    }

    /// <summary>The loaded TorchSharp methods or constructors with the symbol's name and parameter types.</summary>
    private static IEnumerable<MethodBase> ReflectedMethods(IMethodSymbol method)
    {
        var type = typeof(TorchSharp.Scalar).Assembly.GetType(ReflectionName(method.ContainingType));
        if (type is null) return [];
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var parameters = method.Parameters.Select(p => SimpleName(p.Type) + (p.RefKind == RefKind.None ? "" : "&")).ToList();
        IEnumerable<MethodBase> candidates = method.MethodKind == MethodKind.Constructor
            ? type.GetConstructors(all)
            : type.GetMethods(all).Where(m => m.Name == method.MetadataName);
        return candidates.Where(m => m.GetParameters().Select(p => p.ParameterType.Name).SequenceEqual(parameters)).ToList();
    }

    /// <summary>As <see cref="Type.Name"/> writes it: <c>Double</c>, <c>Int64[]</c>, <c>Nullable`1</c>.</summary>
    private static string SimpleName(ITypeSymbol type) =>
        type is IArrayTypeSymbol array ? SimpleName(array.ElementType) + "[]" : type.MetadataName;

    /// <summary>As <see cref="Assembly.GetType(string)"/> takes it: <c>TorchSharp.torch+Tensor</c>.</summary>
    private static string ReflectionName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => ReflectionName(array.ElementType) + "[]",
        INamedTypeSymbol { ContainingType: { } outer } => ReflectionName(outer) + "+" + type.MetadataName,
        INamedTypeSymbol named when !named.ContainingNamespace.IsGlobalNamespace => named.ContainingNamespace.ToDisplayString() + "." + type.MetadataName,
        _ => type.MetadataName,
    };

    private static string OneLine(SyntaxNode node)
    {
        var text = Regex.Replace(node.ToString(), @"\s+", " ");
        return text.Length <= 120 ? text : text[..117] + "...";
    }

    /// <summary>
    /// The assemblies the tests run with: the runtime's trusted platform assemblies (which include TorchSharp.dll and the
    /// other packages of the deps file) and any other managed *.dll in the test's folder, one per assembly name. The
    /// library's own dlls are left out: its sources are what is compiled.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in trusted.Concat(local))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("SuddenDrops", StringComparison.OrdinalIgnoreCase) || byName.ContainsKey(name) || !IsManaged(path)) continue;
            byName[name] = path;
        }
        return [.. byName.Values.Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
