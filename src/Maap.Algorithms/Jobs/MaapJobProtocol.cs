namespace Maap.Algorithms;

/// <summary>The wire protocol used for job calls.</summary>
public enum MaapJobProtocol
{
    /// <summary>The WPS 2.0 XML job API under <c>/api/dps/job</c>, the one MAAP's jobs guide documents.</summary>
    Wps = 0,
}
