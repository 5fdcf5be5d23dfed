using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace SuddenDrops.Tests.Notebooks;

/// <summary>
/// Writes metadata signatures as text with assembly-independent type names
/// (<c>Microsoft.FSharp.Core.FSharpFunc`2&lt;!0,!1&gt;</c>), so a member reference in one assembly
/// can be compared with a member definition in another.
/// </summary>
internal sealed class SignatureText : ISignatureTypeProvider<string, object?>
{
    public static readonly SignatureText Instance = new();

    public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{new string(',', shape.Rank - 1)}]";
    public string GetByReferenceType(string elementType) => elementType + "&";
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPinnedType(string elementType) => elementType;
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetFunctionPointerType(MethodSignature<string> signature) =>
        $"method {signature.ReturnType}({string.Join(",", signature.ParameterTypes)})";
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        $"{genericType}<{string.Join(",", typeArguments)}>";
    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        isRequired ? $"{unmodifiedType} modreq({modifier})" : unmodifiedType;
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name))
            : GetTypeFromDefinition(reader, declaring, rawTypeKind) + "/" + reader.GetString(type.Name);
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var type = reader.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "/" + reader.GetString(type.Name)
            : Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    private static string Qualified(string ns, string name) => ns.Length > 0 ? ns + "." + name : name;
}
