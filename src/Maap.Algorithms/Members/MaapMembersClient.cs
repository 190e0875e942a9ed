using System.Text.Json;
using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol.Json;

namespace Maap.Algorithms;

/// <summary>The signed-in member's profile (spec §10). Reach it as <c>maap.Members</c>.</summary>
public class MaapMembersClient
{
    private readonly MaapPipeline? _pipeline;
    private readonly MaapEndpoints? _endpoints;

    /// <summary>For mocking.</summary>
    protected MaapMembersClient()
    {
    }

    internal MaapMembersClient(MaapPipeline pipeline, MaapEndpoints endpoints)
    {
        _pipeline = pipeline;
        _endpoints = endpoints;
    }

    /// <summary>Gets the signed-in member (<c>GET /api/members/self</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    public virtual async Task<MemberProfile> GetSelfAsync(CancellationToken cancellationToken = default)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("This client was created for mocking.");
        var endpoints = await _endpoints!.GetAsync(pipeline, cancellationToken).ConfigureAwait(false);
        // The body also carries the member's session key: never let it reach an exception.
        var response = await pipeline.SendAsync(new MaapRequest(HttpMethod.Get, new Uri(endpoints.Member), "Members.GetSelf") { SensitiveBody = true }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw response.ToFailure();
        }

        MemberProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize(response.Body, MaapJsonContext.Default.MemberProfile);
        }
        catch (JsonException)
        {
            throw response.ToProtocolError("Expected the member profile JSON object");
        }

        // MAAP answers null when only X-MAAP-API-Key authenticated the call.
        return profile ?? throw response.ToProtocolError("MAAP returned no profile (null); authenticate with a proxy ticket or a bearer token");
    }
}
