using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Maap.Algorithms.Http;

namespace Maap.Algorithms.Protocol;

/// <summary>
/// Reading MAAP's answers: what an error body means, and a JSON body as its document. Here rather than on
/// <see cref="MaapResponse"/>, so the transport (<c>Http/</c>) knows nothing of MAAP's body formats.
/// </summary>
internal static class MaapResponses
{
    /// <summary>The failure an error response stands for, whichever of MAAP's error bodies it carries.</summary>
    public static MaapRequestFailedException ToFailure(this MaapResponse response)
    {
        var failure = MaapErrorParser.Parse(response);
        failure.Hint = response.Hint;
        return failure;
    }

    /// <summary>Reads a success body as JSON; an error status becomes its failure, an unreadable body a protocol error.</summary>
    public static T ReadJson<T>(this MaapResponse response, JsonTypeInfo<T> type, string expectation)
        where T : class
    {
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        try
        {
            return JsonSerializer.Deserialize(response.Body, type) ?? throw response.ToProtocolError(expectation);
        }
        catch (JsonException ex)
        {
            // The parser's message can quote the body: keep it out when the body may hold a secret.
            throw response.ToProtocolError(expectation, response.IsSensitive ? null : ex);
        }
    }
}
