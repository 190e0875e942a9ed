namespace Maap.Algorithms.Protocol.Wps;

/// <summary>The kind of node <see cref="WpsXmlScanner"/> is positioned on.</summary>
internal enum WpsXmlNodeType
{
    /// <summary>Before the first <see cref="WpsXmlScanner.Read"/>.</summary>
    None = 0,

    /// <summary>A start tag, or a self-closed element (then <see cref="WpsXmlScanner.IsEmptyElement"/> is true and an <see cref="EndElement"/> follows).</summary>
    StartElement,

    /// <summary>An end tag, or the synthetic end of a self-closed element.</summary>
    EndElement,

    /// <summary>Character data between tags, still encoded (entity and character references undecoded).</summary>
    Text,

    /// <summary>The content of a CDATA section.</summary>
    CData,

    /// <summary>The end of the document has been reached.</summary>
    EndOfDocument,
}
