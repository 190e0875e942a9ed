namespace Maap.Algorithms;

/// <summary>Checks that text can travel in an XML 1.0 document at all; no escaping can carry the characters it rejects.</summary>
internal static class XmlText
{
    public static void EnsureValid(string value, string paramName)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            var allowed = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed)
            {
                throw new ArgumentException($"The value contains the character U+{(int)c:X4} at position {i}, which XML (and so MAAP's job API) cannot carry.", paramName);
            }
        }
    }
}
