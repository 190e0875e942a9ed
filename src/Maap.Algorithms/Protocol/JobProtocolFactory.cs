using Maap.Algorithms.Http;
using Maap.Algorithms.Protocol.Ogc;
using Maap.Algorithms.Protocol.Wps;

namespace Maap.Algorithms.Protocol;

/// <summary>
/// Picks the wire protocol behind a client's job calls. It lives with the protocols, not with the job model they
/// implement, so the model (<c>Jobs/</c>) depends on no protocol and every protocol depends on the model.
/// </summary>
internal static class JobProtocolFactory
{
    public static JobProtocol Create(MaapJobProtocol protocol, MaapPipeline pipeline, MaapEndpoints endpoints, OgcProcessResolver resolver) => protocol switch
    {
        MaapJobProtocol.Wps => new WpsJobProtocol(pipeline, endpoints),
        MaapJobProtocol.Ogc => new OgcJobProtocol(pipeline, endpoints, resolver),
        MaapJobProtocol.Auto => new AutoJobProtocol(new WpsJobProtocol(pipeline, endpoints), new OgcJobProtocol(pipeline, endpoints, resolver), resolver, pipeline.Logger),
        _ => throw new ArgumentException($"Unknown job protocol {protocol}.", nameof(protocol)),
    };
}
