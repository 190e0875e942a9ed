using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol;
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
        return response.ReadJson(MaapJsonContext.Default.MemberProfile, "Expected the member profile; MAAP answers null when only X-MAAP-API-Key authenticated the call: use a proxy ticket or a bearer token");
    }
}
