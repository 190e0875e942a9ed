using System.Globalization;

namespace Maap.Dps.Emulator.Store;

/// <summary>HySDS's timestamp text, <c>2026-03-02T18:30:01.004512Z</c>: what job documents, metrics and work dirs hold.</summary>
internal static class HysdsTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string Iso(long unixMs) => Iso(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    /// <summary>Reads back what <see cref="Iso(DateTimeOffset)"/> wrote; null for anything else.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;
}
