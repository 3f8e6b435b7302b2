using System.Text;
using Google.Protobuf;

namespace Civic.Gateway.Api;

/// <summary>
/// The proto3 JSON mapping of the API's bodies: lowerCamelCase names, enums by name, timestamps in
/// RFC 3339, 64-bit integers as strings. Responses include fields at their default values, so
/// clients see every field; requests may not carry unknown fields (a typo should not be ignored).
/// </summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static byte[] Format(IMessage message) => Encoding.UTF8.GetBytes(Formatter.Format(message));

    /// <summary>Parses <paramref name="json"/> into <typeparamref name="T"/>; bad JSON becomes a 400 problem.</summary>
    /// <exception cref="ApiProblemException">The body is not JSON, or not a <typeparamref name="T"/>.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> json)
        where T : IMessage, new()
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(json);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiProblemException(Problems.MalformedJson("The request body is not valid UTF-8."));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiProblemException(Problems.MalformedJson("The request body is empty; send a JSON object."));
        }

        try
        {
            return Parser.Parse<T>(text);
        }
        catch (InvalidJsonException exception)
        {
            throw new ApiProblemException(Problems.MalformedJson($"The request body is not valid JSON: {exception.Message}"));
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new ApiProblemException(Problems.MalformedJson($"The request body does not fit {new T().Descriptor.Name}: {exception.Message}"));
        }
    }
}
