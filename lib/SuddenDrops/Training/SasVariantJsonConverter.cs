using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuddenDrops.Training;

/// <summary>Writes a <see cref="SasVariant"/> as its name ("sas-@3000") and reads it back with <see cref="SasVariant.Parse"/>.</summary>
public sealed class SasVariantJsonConverter : JsonConverter<SasVariant>
{
    public override SasVariant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"A regulariser variant is a string (base, sas+, sas-, sas-@k), got {reader.TokenType}.");
        try
        {
            return SasVariant.Parse(reader.GetString()!);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, SasVariant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
