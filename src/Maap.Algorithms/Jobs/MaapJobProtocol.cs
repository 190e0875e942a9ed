namespace Maap.Algorithms;

/// <summary>The wire protocol used for job calls.</summary>
public enum MaapJobProtocol
{
    /// <summary>
    /// The default: a submission runs over OGC when its algorithm is a deployed OGC process (looked up once per id,
    /// version and deployer, and cached), otherwise over WPS; its handle keeps that protocol. Calls on a bare job id
    /// (<c>maap.Jobs.Get(id)</c>, <c>GetStatusAsync(id)</c>) go over WPS, which serves every job; a list goes over OGC
    /// only when it uses a filter only OGC has.
    /// </summary>
    Auto = 0,

    /// <summary>The WPS 2.0 XML job API under <c>/api/dps/job</c>, the one MAAP's jobs guide documents; legacy registered algorithms.</summary>
    Wps = 1,

    /// <summary>OGC API – Processes under <c>/api/ogc</c>, the only API maap-py 5.x speaks; processes deployed from CWL.</summary>
    Ogc = 2,
}
