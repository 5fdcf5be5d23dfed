using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// Which FSharp.Core types and members an assembly uses (its TypeRefs and MemberRefs into FSharp.Core),
/// and which a given FSharp.Core defines, as comparable text keys
/// (<c>Type::Member(parameters):return`genericArity</c>).
/// </summary>
internal static class FSharpCoreReferences
{
    private const string FSharpCore = "FSharp.Core";

    /// <summary>Keys of every type, method and field an FSharp.Core dll defines.</summary>
    public static HashSet<string> DefinedBy(string fsharpCorePath)
    {
        using var pe = new PEReader(File.OpenRead(fsharpCorePath));
        var md = pe.GetMetadataReader();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var name = SignatureText.Instance.GetTypeFromDefinition(md, handle, 0);
            keys.Add(TypeKey(name));
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                keys.Add(MethodKey(name, md.GetString(method.Name), method.DecodeSignature(SignatureText.Instance, null)));
            }
            foreach (var fieldHandle in type.GetFields())
            {
                var field = md.GetFieldDefinition(fieldHandle);
                keys.Add(FieldKey(name, md.GetString(field.Name), field.DecodeSignature(SignatureText.Instance, null)));
            }
        }
        return keys;
    }

    /// <summary>Keys of the FSharp.Core types and members that <paramref name="assemblyPath"/> references.</summary>
    public static HashSet<string> UsedBy(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var md = pe.GetMetadataReader();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
            if (IsInFSharpCore(md, handle))
                keys.Add(TypeKey(SignatureText.Instance.GetTypeFromReference(md, handle, 0)));
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (!IsInFSharpCore(md, member.Parent))
                continue;
            var owner = OpenTypeName(md, member.Parent);
            var name = md.GetString(member.Name);
            keys.Add(member.GetKind() == MemberReferenceKind.Method
                ? MethodKey(owner, name, member.DecodeMethodSignature(SignatureText.Instance, null))
                : FieldKey(owner, name, member.DecodeFieldSignature(SignatureText.Instance, null)));
        }
        return keys;
    }

    /// <summary>Whether a TypeRef (possibly nested) or a generic instantiation of one resolves to FSharp.Core.</summary>
    private static bool IsInFSharpCore(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var scope = md.GetTypeReference((TypeReferenceHandle)handle).ResolutionScope;
                if (scope.Kind == HandleKind.TypeReference)
                    return IsInFSharpCore(md, (EntityHandle)scope);
                return scope.Kind == HandleKind.AssemblyReference
                       && md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == FSharpCore;
            case HandleKind.TypeSpecification:
                var blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                    return false;
                blob.ReadSignatureTypeCode(); // class or value type
                return IsInFSharpCore(md, blob.ReadTypeHandle());
            default:
                return false;
        }
    }

    /// <summary>The member's owner without type arguments: members are defined on the open generic type.</summary>
    private static string OpenTypeName(MetadataReader md, EntityHandle parent)
    {
        var name = parent.Kind == HandleKind.TypeReference
            ? SignatureText.Instance.GetTypeFromReference(md, (TypeReferenceHandle)parent, 0)
            : SignatureText.Instance.GetTypeFromSpecification(md, null, (TypeSpecificationHandle)parent, 0);
        var arguments = name.IndexOf('<');
        return arguments < 0 ? name : name[..arguments];
    }

    private static string TypeKey(string type) => "type " + type;

    private static string MethodKey(string owner, string name, MethodSignature<string> signature) =>
        $"{owner}::{name}({string.Join(",", signature.ParameterTypes)}):{signature.ReturnType}`{signature.GenericParameterCount}";

    private static string FieldKey(string owner, string name, string type) => $"{owner}::{name}:{type}";
}
