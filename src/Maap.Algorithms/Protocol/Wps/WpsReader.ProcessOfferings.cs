using System.Xml;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>The describe-process document (<c>wps:ProcessOfferings</c>), which the algorithm routes answer with.</summary>
internal static partial class WpsReader
{
    private static AlgorithmDescription ReadProcessOfferings(XmlReader reader)
    {
        ReadRootElement(reader, WpsNamespace, "ProcessOfferings", "a WPS ProcessOfferings document");
        AlgorithmDescription? description = null;
        while (ReadChildElement(reader, 0))
        {
            if (description is null && IsStartElement(reader, WpsNamespace, "ProcessOffering"))
            {
                var offeringDepth = reader.Depth;
                while (ReadChildElement(reader, offeringDepth))
                {
                    if (description is null && IsStartElement(reader, WpsNamespace, "Process"))
                    {
                        description = ReadProcess(reader);
                    }
                    else
                    {
                        Skip(reader);
                    }
                }
            }
            else
            {
                Skip(reader);
            }
        }

        ReadToEndOfDocument(reader);
        return description ?? throw new FormatException("Expected a wps:ProcessOffering/wps:Process element in the WPS ProcessOfferings document.");
    }

    private static AlgorithmDescription ReadProcess(XmlReader reader)
    {
        var depth = reader.Depth;
        string? identifier = null;
        string? title = null;
        string? recommendedQueue = null;
        var inputs = new List<AlgorithmParameter>();
        while (ReadChildElement(reader, depth))
        {
            if (identifier is null && IsStartElement(reader, OwsNamespace, "Identifier"))
            {
                identifier = ReadElementText(reader).Trim();
            }
            else if (title is null && IsStartElement(reader, OwsNamespace, "Title"))
            {
                title = ReadElementText(reader).Trim();
            }
            else if (IsStartElement(reader, WpsNamespace, "Input"))
            {
                var input = ReadInput(reader, out var literal);
                if (input.Name == QueueNameInput)
                {
                    recommendedQueue ??= literal;
                }
                else
                {
                    inputs.Add(input);
                }
            }
            else
            {
                Skip(reader);
            }
        }

        if (string.IsNullOrEmpty(identifier))
        {
            throw new FormatException("Expected an ows:Identifier element in the wps:Process of the WPS ProcessOfferings document.");
        }

        return new AlgorithmDescription(identifier, string.IsNullOrEmpty(title) ? null : title, inputs, recommendedQueue);
    }

    /// <summary>Reads one <c>wps:Input</c>: its identifier and title (children), data type and first literal or default value (any depth).</summary>
    private static AlgorithmParameter ReadInput(XmlReader reader, out string? literal)
    {
        var depth = reader.Depth;
        string? identifier = null;
        string? title = null;
        string? dataType = null;
        literal = null;
        while (ReadDescendantElement(reader, depth))
        {
            var isChild = reader.Depth == depth + 1;
            if (isChild && identifier is null && IsStartElement(reader, OwsNamespace, "Identifier"))
            {
                identifier = ReadElementText(reader).Trim();
            }
            else if (isChild && title is null && IsStartElement(reader, OwsNamespace, "Title"))
            {
                title = ReadElementText(reader).Trim();
            }
            else if (dataType is null && IsStartElement(reader, OwsNamespace, "DataType"))
            {
                dataType = reader.GetAttribute("reference", OwsNamespace) ?? reader.GetAttribute("reference", string.Empty);
                var text = ReadElementText(reader).Trim();
                dataType = NullIfEmpty(dataType?.Trim()) ?? NullIfEmpty(text);
            }
            else if (literal is null && (IsStartElement(reader, WpsNamespace, "LiteralValue") || IsStartElement(reader, OwsNamespace, "DefaultValue")))
            {
                literal = NullIfEmpty(ReadElementText(reader).Trim());
            }
        }

        if (string.IsNullOrEmpty(identifier))
        {
            throw new FormatException("Expected an ows:Identifier element in every wps:Input of the WPS ProcessOfferings document.");
        }

        return new AlgorithmParameter(identifier, string.IsNullOrEmpty(title) ? null : title, dataType);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
