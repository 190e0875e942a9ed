using System.Globalization;
using System.Text.RegularExpressions;
using Maap.Dps.Emulator.Jobs;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// The OGC job list's <c>datetime</c> as MAAP parses it (<c>maap-ogc-spec.md</c> §3.10): an instant, <c>A/B</c>,
/// <c>../B</c> or <c>A/..</c>, each end <c>YYYY-MM-DDTHH:MM:SS[.ffffff][zone]</c> with <c>Z</c> read as UTC and no zone
/// taken as UTC. Anything else (a bare date, a <c>+</c> that arrived as a space) is unparseable.
/// </summary>
internal static partial class OgcDatetime
{
    /// <summary>The window, or null when the text is not one MAAP can parse.</summary>
    public static JobTimeWindow? Parse(string text)
    {
        var parts = text.Split('/');
        switch (parts.Length)
        {
            case 1:
                return Instant(parts[0]) is { } at ? new JobTimeWindow(at, at) : null;
            case 2:
                var from = parts[0] == ".." ? null : Instant(parts[0]);
                var to = parts[1] == ".." ? null : Instant(parts[1]);
                var readable = (parts[0] == ".." || from is not null) && (parts[1] == ".." || to is not null);
                return readable ? new JobTimeWindow(from, to) : null;
            default:
                return null;
        }
    }

    private static DateTimeOffset? Instant(string text)
    {
        var m = InstantPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (m.Groups["sign"].Success)
        {
            offset = new TimeSpan(Int(m, "oh"), Int(m, "om"), 0);
            offset = m.Groups["sign"].Value == "-" ? -offset : offset;
        }

        var fraction = m.Groups["f"].Success ? m.Groups["f"].Value.PadRight(7, '0') : "0";
        try
        {
            var t = new DateTimeOffset(Int(m, "y"), Int(m, "mo"), Int(m, "d"), Int(m, "h"), Int(m, "mi"), Int(m, "s"), offset);
            return t.AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // month 13, second 60, offset past ±14h: strptime refuses them too
        }
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})T(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<f>\d{1,6}))?(?:Z|(?<sign>[+-])(?<oh>\d{2}):?(?<om>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();
}
