using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Maap.Algorithms;

/// <summary>
/// Formats input values for a <see cref="JobRequest"/> and parses them back inside a job. Culture-invariant and
/// round-trip exact; called by generated code. Numbers and booleans are formatted as JSON literals and lists as JSON
/// arrays (<see cref="JobInputKind.Json"/> inputs); everything else as text (<see cref="JobInputKind.Text"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MaapInputValues
{
    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(string value) => value;

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(sbyte value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(byte value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(short value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(ushort value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(uint value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value with the shortest text that parses back to the same bits.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(float value) => float.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : NonFinite(value);

    /// <summary>Formats a value with the shortest text that parses back to the same bits.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : NonFinite(value);

    /// <summary>
    /// Formats a value as a JSON number. MAAP reads numbers with Python's <c>float</c>, so the job gets the same value
    /// to 15 significant digits, without trailing zeros (<c>10.50</c> arrives as <c>10.5</c>); declare a
    /// <see cref="string"/> input for more digits than that.
    /// </summary>
    /// <param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a value as ISO 8601 round-trip text (<c>O</c>), keeping its kind.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a value as ISO 8601 round-trip text (<c>O</c>), keeping its offset.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a value as an ISO 8601 date, <c>yyyy-MM-dd</c>.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a value in the constant format <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>Formats a URI exactly as it was written.</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(Uri value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.OriginalString;
    }

    /// <summary>Formats a secret name (the name, never a value).</summary><param name="value">The value.</param><returns>The text sent.</returns>
    public static string Format(SecretName value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Value;
    }

    /// <summary>Formats an enum member by name.</summary><typeparam name="TEnum">The enum.</typeparam><param name="value">The value.</param><returns>The text sent.</returns>
    public static string FormatEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => value.ToString();

    /// <summary>Formats a list as a JSON array, which MAAP parses into a list.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The elements.</param>
    /// <param name="format">Formats one element.</param>
    /// <param name="quoted">Whether elements are JSON strings (true) or JSON literals such as numbers (false).</param>
    /// <returns>The JSON array text.</returns>
    public static string FormatArray<T>(IEnumerable<T> values, Func<T, string> format, bool quoted)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        var text = new StringBuilder("[");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var item = format(value);
            if (quoted)
            {
                text.Append('"').Append(JsonEncodedText.Encode(item).Value).Append('"');
            }
            else
            {
                text.Append(item);
            }
        }

        return text.Append(']').ToString();
    }

    /// <summary>Splits a JSON array received in a job into the text of each element (strings unquoted).</summary>
    /// <param name="text">The array text.</param>
    /// <param name="inputName">The input name, for the exception.</param>
    /// <returns>The element texts.</returns>
    /// <exception cref="DpsJobInputException">The text is not a JSON array.</exception>
    public static string[] SplitArray(string text, string inputName)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DpsJobInputException(inputName, "expected a JSON array");
            }

            var items = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                items.Add(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
            }

            return items.ToArray();
        }
        catch (JsonException ex)
        {
            throw new DpsJobInputException(inputName, "expected a JSON array", ex);
        }
    }

    /// <summary>Parses a received JSON array into an array, each element with <paramref name="parse"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="text">The array text.</param>
    /// <param name="inputName">The input, for the exception.</param>
    /// <param name="parse">Parses one element.</param>
    /// <returns>The elements.</returns>
    public static T[] ParseArray<T>(string text, string inputName, Func<string, string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var items = SplitArray(text, inputName);
        var result = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = parse(items[i], inputName);
        }

        return result;
    }

    /// <summary>Parses a received JSON array into a list, each element with <paramref name="parse"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="text">The array text.</param>
    /// <param name="inputName">The input, for the exception.</param>
    /// <param name="parse">Parses one element.</param>
    /// <returns>The elements.</returns>
    public static List<T> ParseList<T>(string text, string inputName, Func<string, string, T> parse) => new(ParseArray(text, inputName, parse));

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static bool ParseBoolean(string text, string inputName) =>
        bool.TryParse(text, out var v) ? v : throw Unparseable(inputName, "a boolean (true or false)");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static sbyte ParseSByte(string text, string inputName) =>
        sbyte.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "an sbyte");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static byte ParseByte(string text, string inputName) =>
        byte.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a byte");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static short ParseInt16(string text, string inputName) =>
        short.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a 16-bit integer");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static ushort ParseUInt16(string text, string inputName) =>
        ushort.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "an unsigned 16-bit integer");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static int ParseInt32(string text, string inputName) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a 32-bit integer");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static uint ParseUInt32(string text, string inputName) =>
        uint.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "an unsigned 32-bit integer");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static long ParseInt64(string text, string inputName) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a 64-bit integer");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static ulong ParseUInt64(string text, string inputName) =>
        ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "an unsigned 64-bit integer");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static float ParseSingle(string text, string inputName) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a number");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static double ParseDouble(string text, string inputName) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a number");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static decimal ParseDecimal(string text, string inputName) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a decimal number");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static DateTime ParseDateTime(string text, string inputName) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var v) ? v : throw Unparseable(inputName, "an ISO 8601 date and time");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static DateTimeOffset ParseDateTimeOffset(string text, string inputName) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var v) ? v : throw Unparseable(inputName, "an ISO 8601 date and time with offset");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static DateOnly ParseDateOnly(string text, string inputName) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : throw Unparseable(inputName, "an ISO 8601 date (yyyy-MM-dd)");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static TimeSpan ParseTimeSpan(string text, string inputName) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var v) ? v : throw Unparseable(inputName, "a time span ([-][d.]hh:mm:ss[.fffffff])");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static Uri ParseUri(string text, string inputName) =>
        Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var v) ? v : throw Unparseable(inputName, "a URI");

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static string ParseString(string text, string inputName) => text;

    /// <summary>Parses a received value.</summary><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static SecretName ParseSecretName(string text, string inputName) =>
        SecretName.IsValid(text) ? new SecretName(text) : throw Unparseable(inputName, "a secret name");

    /// <summary>Parses a received enum member name.</summary><typeparam name="TEnum">The enum.</typeparam><param name="text">The text.</param><param name="inputName">The input, for the exception.</param><returns>The value.</returns>
    public static TEnum ParseEnum<TEnum>(string text, string inputName)
        where TEnum : struct, Enum
        // Enum.TryParse ORs a comma-separated list for any enum ("Monday, Friday" is Friday); only [Flags] enums mean it.
        => Enum.TryParse<TEnum>(text, ignoreCase: false, out var v) && IsDefinedEnum(v) && (IsFlags<TEnum>() || !text.Contains(',', StringComparison.Ordinal))
            ? v
            : throw Unparseable(inputName, "one of " + string.Join(", ", Enum.GetNames<TEnum>()));

    /// <summary>
    /// Whether a value is a member of its enum or, for a <c>[Flags]</c> enum, a combination of members
    /// (every set bit covered by a member), which <see cref="Enum.ToString()"/> writes as <c>A, B</c>.
    /// </summary>
    /// <typeparam name="TEnum">The enum.</typeparam><param name="value">The value.</param><returns>Whether it is defined.</returns>
    public static bool IsDefinedEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        if (Enum.IsDefined(value))
        {
            return true;
        }

        if (!IsFlags<TEnum>())
        {
            return false;
        }

        var bits = Bits(value);
        var covered = 0UL;
        foreach (var member in Enum.GetValues<TEnum>())
        {
            covered |= Bits(member);
        }

        return (bits & ~covered) == 0;
    }

    private static bool IsFlags<TEnum>()
        where TEnum : struct, Enum
        => typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);

    // Sign-extends signed underlying types, the same for the value and every member, so bit tests agree.
    private static ulong Bits<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Type.GetTypeCode(Enum.GetUnderlyingType(typeof(TEnum))) switch
        {
            TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Char or TypeCode.Boolean => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
            _ => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        };

    // Python's json.loads reads a bare NaN or Infinity, and json.dumps then writes it bare into _context.json, which
    // no strict JSON reader (ours included) accepts; as a JSON string it stays text and parses back in the job.
    private static string NonFinite(double value) =>
        double.IsNaN(value) ? "\"NaN\"" : value > 0 ? "\"Infinity\"" : "\"-Infinity\"";

    private static DpsJobInputException Unparseable(string inputName, string expected) =>
        new(inputName, "expected " + expected);
}
