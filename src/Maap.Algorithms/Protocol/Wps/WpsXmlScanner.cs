using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>
/// A strict, forward-only, namespace-aware XML pull scanner over a span, for the small documents of MAAP's WPS job API.
/// </summary>
/// <remarks>
/// <para>
/// Hand-written because a status call must cost the client under 8 KB and 10 µs of its own, and <c>XmlReader</c>
/// alone allocates more than 8 KB of buffers. The scanner allocates nothing while scanning: names, namespace URIs
/// and values are ranges of the input, the element stack and namespace scopes live in fixed inline buffers, and a
/// string is made only for a value the caller asks for (or for a namespace URI written with references).
/// </para>
/// <para>
/// It checks well-formedness as it goes (names, nesting, quoting, references, characters, one root) and resolves
/// every prefix through the <c>xmlns</c> declarations in scope, so any prefix and any attribute order read the same.
/// DTDs are prohibited: <c>&lt;!DOCTYPE</c>, <c>&lt;!ENTITY</c> and any entity reference other than the five
/// predefined ones are errors, which also rules out entity-expansion and external-entity attacks. Every error is a
/// <see cref="FormatException"/> naming the line, column and offset.
/// </para>
/// </remarks>
internal ref struct WpsXmlScanner
{
    /// <summary>The deepest element nesting accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest document accepted, in characters (checked before scanning).</summary>
    public const int MaxDocumentLength = 16 * 1024 * 1024;

    /// <summary>The most attributes one element may carry (namespace declarations not counted).</summary>
    public const int MaxAttributes = 64;

    /// <summary>The most namespace declarations that may be in scope at once.</summary>
    public const int MaxNamespaceDeclarations = 64;

    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>The namespace index of a name with no namespace.</summary>
    private const int NoNamespace = -1;

    /// <summary>The namespace index of the predeclared <c>xml</c> prefix.</summary>
    private const int XmlPrefixNamespace = -2;

    private readonly ReadOnlySpan<char> _xml;
    private readonly int _documentStart;
    private int _pos;
    private WpsXmlNodeType _nodeType;
    private bool _isEmpty;
    private bool _pendingPop;
    private bool _rootSeen;
    private bool _rootClosed;
    private int _depth;
    private int _tokenStart;
    private int _contentStart;
    private int _valueStart;
    private int _valueLength;
    private int _nameStart;
    private int _nameLength;
    private int _prefixLength;
    private int _namespaceIndex;
    private int _bindingCount;
    private int _tagBindingStart;
    private int _attributeCount;
    private List<string>? _decodedUris;
    private FrameBuffer _frames;
    private BindingBuffer _bindings;
    private AttributeBuffer _attributes;

    /// <summary>Creates a scanner positioned before the first node of <paramref name="xml"/>.</summary>
    /// <param name="xml">The whole document.</param>
    /// <exception cref="FormatException">The document is longer than <see cref="MaxDocumentLength"/>.</exception>
    public WpsXmlScanner(ReadOnlySpan<char> xml)
    {
        if (xml.Length > MaxDocumentLength)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The XML document is {xml.Length} characters long; at most {MaxDocumentLength} are accepted."));
        }

        _xml = xml;
        _documentStart = xml.Length > 0 && xml[0] == '\uFEFF' ? 1 : 0;
        _pos = _documentStart;
        _namespaceIndex = NoNamespace;
    }

    /// <summary>The kind of node the scanner is on.</summary>
    public readonly WpsXmlNodeType NodeType => _nodeType;

    /// <summary>The depth of the current element (the root is 1); on an end tag, the depth of the element it closes.</summary>
    public readonly int Depth => _depth;

    /// <summary>True on a self-closed start tag such as <c>&lt;a/&gt;</c>.</summary>
    public readonly bool IsEmptyElement => _nodeType == WpsXmlNodeType.StartElement && _isEmpty;

    /// <summary>The local name of the current element (start or end tag).</summary>
    public readonly ReadOnlySpan<char> LocalName => _xml.Slice(_nameStart + (_prefixLength == 0 ? 0 : _prefixLength + 1), _nameLength - (_prefixLength == 0 ? 0 : _prefixLength + 1));

    /// <summary>The qualified name of the current element as written (<c>prefix:local</c>).</summary>
    public readonly ReadOnlySpan<char> QualifiedName => _xml.Slice(_nameStart, _nameLength);

    /// <summary>The namespace URI of the current element; empty for none.</summary>
    public readonly ReadOnlySpan<char> NamespaceUri => NamespaceOf(_namespaceIndex);

    /// <summary>The offset of the current node's markup in the document.</summary>
    public readonly int Position => _tokenStart;

    /// <summary>The raw (still encoded) characters of the current text node, or the content of the current CDATA section.</summary>
    public readonly ReadOnlySpan<char> RawValue => _xml.Slice(_valueStart, _valueLength);

    /// <summary>Moves to the next node: a start tag, end tag, text or CDATA section. Comments, processing instructions and the XML declaration are checked and skipped.</summary>
    /// <returns>False when the end of the document has been reached.</returns>
    /// <exception cref="FormatException">The document is not well-formed, or uses a DTD or an undefined entity.</exception>
    public bool Read()
    {
        if (_nodeType == WpsXmlNodeType.StartElement && _isEmpty)
        {
            _isEmpty = false;
            _nodeType = WpsXmlNodeType.EndElement;
            _pendingPop = true;
            _tokenStart = _pos;
            return true;
        }

        if (_pendingPop)
        {
            Pop();
        }

        while (true)
        {
            if (_pos >= _xml.Length)
            {
                if (_depth > 0)
                {
                    throw Error($"the document ends inside element <{_xml.Slice(_frames[_depth - 1].NameStart, _frames[_depth - 1].NameLength)}>, which is never closed", _pos);
                }

                if (!_rootSeen)
                {
                    throw Error("the document has no root element", _pos);
                }

                _nodeType = WpsXmlNodeType.EndOfDocument;
                return false;
            }

            var c = _xml[_pos];
            if (c == '<')
            {
                var next = _pos + 1 < _xml.Length ? _xml[_pos + 1] : '\0';
                if (next == '/')
                {
                    ParseEndTag();
                    return true;
                }

                if (next == '?')
                {
                    ParseProcessingInstruction();
                    continue;
                }

                if (next == '!')
                {
                    var rest = _xml.Slice(_pos);
                    if (rest.StartsWith("<!--", StringComparison.Ordinal))
                    {
                        ParseComment();
                        continue;
                    }

                    if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
                    {
                        if (_depth == 0)
                        {
                            throw Error("a CDATA section is only allowed inside an element", _pos);
                        }

                        ParseCData();
                        return true;
                    }

                    if (rest.StartsWith("<!DOCTYPE", StringComparison.Ordinal) || rest.StartsWith("<!ENTITY", StringComparison.Ordinal))
                    {
                        throw Error("DTDs are prohibited (found a <!DOCTYPE or <!ENTITY declaration)", _pos);
                    }

                    throw Error("unexpected markup declaration after '<!'", _pos);
                }

                ParseStartTag();
                return true;
            }

            if (_depth == 0)
            {
                if (IsWhitespace(c))
                {
                    _pos++;
                    continue;
                }

                throw Error(_rootSeen ? "unexpected content after the root element" : "unexpected text before the root element", _pos);
            }

            ParseText();
            return true;
        }
    }

    /// <summary>True when the scanner is on a start tag with this namespace URI and local name.</summary>
    /// <param name="namespaceUri">The namespace URI; empty for none.</param>
    /// <param name="localName">The local name.</param>
    /// <returns>Whether the current node is that element.</returns>
    public readonly bool IsStartElement(ReadOnlySpan<char> namespaceUri, ReadOnlySpan<char> localName) =>
        _nodeType == WpsXmlNodeType.StartElement && LocalName.SequenceEqual(localName) && NamespaceUri.SequenceEqual(namespaceUri);

    /// <summary>
    /// Reads the root element and checks its name. Call once, first.
    /// </summary>
    /// <param name="namespaceUri">The expected namespace URI; empty for none.</param>
    /// <param name="localName">The expected local name.</param>
    /// <param name="description">What the document should be, for the error message (for example <c>a WPS StatusInfo document</c>).</param>
    /// <exception cref="FormatException">The document is malformed or its root is a different element.</exception>
    public void ReadRootElement(string namespaceUri, string localName, string description)
    {
        Read();
        if (!IsStartElement(namespaceUri, localName))
        {
            throw new FormatException($"Expected {description} (root element {{{namespaceUri}}}{localName}) but the root element is {{{NamespaceUri}}}{LocalName}.");
        }
    }

    /// <summary>
    /// Moves to the next child element of the innermost open element, skipping text. Positioned on a start tag, that
    /// element is the parent; after a child has been consumed (<see cref="Skip"/>, <see cref="ReadElementText"/>), the next sibling is read.
    /// </summary>
    /// <returns>True on a child's start tag; false on the parent's end tag.</returns>
    public bool ReadChildElement()
    {
        while (Read())
        {
            if (_nodeType == WpsXmlNodeType.StartElement)
            {
                return true;
            }

            if (_nodeType == WpsXmlNodeType.EndElement)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Moves to the next element start tag inside the element at <paramref name="ancestorDepth"/>, at any depth.</summary>
    /// <param name="ancestorDepth">The <see cref="Depth"/> of the element whose descendants are wanted.</param>
    /// <returns>True on a descendant's start tag; false on the ancestor's end tag.</returns>
    public bool ReadDescendantElement(int ancestorDepth)
    {
        while (Read())
        {
            if (_nodeType == WpsXmlNodeType.StartElement)
            {
                return true;
            }

            if (_nodeType == WpsXmlNodeType.EndElement && _depth == ancestorDepth)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Skips the current element, positioned on its start tag, and everything inside it; ends on its end tag.</summary>
    public void Skip()
    {
        if (_nodeType != WpsXmlNodeType.StartElement)
        {
            return;
        }

        var depth = _depth;
        while (Read())
        {
            if (_nodeType == WpsXmlNodeType.EndElement && _depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>Reads the rest of the document, which must hold nothing but the end of the root, whitespace, comments and processing instructions.</summary>
    /// <exception cref="FormatException">The rest of the document is malformed.</exception>
    public void ReadToEndOfDocument()
    {
        while (Read())
        {
        }
    }

    /// <summary>
    /// Reads the text content of the current element, positioned on its start tag, and ends on its end tag.
    /// References are decoded, CDATA sections joined, line ends normalised as XML prescribes.
    /// </summary>
    /// <returns>The text; empty for an empty element.</returns>
    /// <exception cref="FormatException">The element contains a child element, or is malformed.</exception>
    public string ReadElementText() => DecodeContent(ReadElementContent());

    /// <summary>
    /// Reads past the content of the current element, positioned on its start tag, and returns the raw content
    /// (text, references, CDATA sections, comments) without decoding it; ends on the element's end tag.
    /// </summary>
    /// <returns>The raw content; decode it with <see cref="DecodeContent"/>.</returns>
    /// <exception cref="FormatException">The element contains a child element, or is malformed.</exception>
    public ReadOnlySpan<char> ReadElementContent()
    {
        if (_nodeType != WpsXmlNodeType.StartElement)
        {
            throw new InvalidOperationException("ReadElementContent must be called on a start tag.");
        }

        if (_isEmpty)
        {
            Read();
            return ReadOnlySpan<char>.Empty;
        }

        var depth = _depth;
        var start = _contentStart;
        while (Read())
        {
            if (_nodeType == WpsXmlNodeType.StartElement)
            {
                throw Error($"expected only text inside <{_xml.Slice(_frames[depth - 1].NameStart, _frames[depth - 1].NameLength)}>, found the element <{QualifiedName}>", _tokenStart);
            }

            if (_nodeType == WpsXmlNodeType.EndElement && _depth == depth)
            {
                break;
            }
        }

        return _xml.Slice(start, _tokenStart - start);
    }

    /// <summary>Returns the decoded value of an attribute of the current start tag, or null when it is absent.</summary>
    /// <param name="namespaceUri">The attribute's namespace URI; empty for an unprefixed attribute.</param>
    /// <param name="localName">The attribute's local name.</param>
    /// <returns>The value with references decoded and whitespace normalised, or null.</returns>
    public readonly string? GetAttribute(ReadOnlySpan<char> namespaceUri, ReadOnlySpan<char> localName)
    {
        if (_nodeType != WpsXmlNodeType.StartElement)
        {
            return null;
        }

        for (var i = 0; i < _attributeCount; i++)
        {
            var attribute = _attributes[i];
            var local = attribute.PrefixLength == 0
                ? _xml.Slice(attribute.NameStart, attribute.NameLength)
                : _xml.Slice(attribute.NameStart + attribute.PrefixLength + 1, attribute.NameLength - attribute.PrefixLength - 1);
            if (local.SequenceEqual(localName) && NamespaceOf(attribute.NamespaceIndex).SequenceEqual(namespaceUri))
            {
                var raw = _xml.Slice(attribute.ValueStart, attribute.ValueLength);
                return attribute.NeedsDecoding ? DecodeAttributeValue(raw) : raw.ToString();
            }
        }

        return null;
    }

    /// <summary>True when raw content must go through <see cref="DecodeContent"/> (it holds references, markup or a carriage return).</summary>
    /// <param name="raw">Raw content from <see cref="ReadElementContent"/>.</param>
    /// <returns>Whether decoding would change it.</returns>
    public static bool NeedsDecoding(ReadOnlySpan<char> raw) => raw.IndexOfAny('&', '<', '\r') >= 0;

    /// <summary>Decodes raw, already-checked element content: references, CDATA sections, comments, processing instructions and line ends.</summary>
    /// <param name="raw">Raw content from <see cref="ReadElementContent"/>.</param>
    /// <returns>The text.</returns>
    public static string DecodeContent(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return string.Empty;
        }

        if (!NeedsDecoding(raw))
        {
            return raw.ToString();
        }

        char[]? rented = null;
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var n = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '&')
            {
                n += DecodeReference(raw, ref i, buffer.Slice(n));
            }
            else if (c == '<')
            {
                var rest = raw.Slice(i);
                if (rest.StartsWith("<![CDATA[", StringComparison.Ordinal))
                {
                    var body = rest.Slice(9);
                    var end = body.IndexOf("]]>", StringComparison.Ordinal);
                    n += CopyNormalisingLineEnds(body.Slice(0, end), buffer.Slice(n));
                    i += 9 + end + 3;
                }
                else if (rest.StartsWith("<!--", StringComparison.Ordinal))
                {
                    i += 4 + rest.Slice(4).IndexOf("-->", StringComparison.Ordinal) + 3;
                }
                else
                {
                    i += rest.IndexOf("?>", StringComparison.Ordinal) + 2;
                }
            }
            else if (c == '\r')
            {
                buffer[n++] = '\n';
                i += i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                buffer[n++] = c;
                i++;
            }
        }

        var result = buffer.Slice(0, n).ToString();
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    private static string DecodeAttributeValue(ReadOnlySpan<char> raw)
    {
        char[]? rented = null;
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var n = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '&')
            {
                n += DecodeReference(raw, ref i, buffer.Slice(n));
            }
            else if (c == '\r')
            {
                // A line end is one space after normalisation, whether written CR, LF or CRLF.
                buffer[n++] = ' ';
                i += i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                buffer[n++] = c is '\t' or '\n' ? ' ' : c;
                i++;
            }
        }

        var result = buffer.Slice(0, n).ToString();
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    private static int CopyNormalisingLineEnds(ReadOnlySpan<char> source, Span<char> destination)
    {
        var n = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\r')
            {
                destination[n++] = '\n';
                if (i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                destination[n++] = c;
            }
        }

        return n;
    }

    /// <summary>Decodes one reference the scanner has already checked; <paramref name="i"/> moves past its ';'.</summary>
    private static int DecodeReference(ReadOnlySpan<char> raw, ref int i, Span<char> destination)
    {
        var end = raw.Slice(i).IndexOf(';');
        var body = raw.Slice(i + 1, end - 1);
        i += end + 1;
        if (body[0] == '#')
        {
            var codePoint = body[1] == 'x'
                ? int.Parse(body.Slice(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : int.Parse(body.Slice(1), NumberStyles.None, CultureInfo.InvariantCulture);
            if (codePoint < 0x10000)
            {
                destination[0] = (char)codePoint;
                return 1;
            }

            var rune = new Rune(codePoint);
            return rune.EncodeToUtf16(destination);
        }

        destination[0] = body switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "apos" => '\'',
            _ => '"',
        };
        return 1;
    }

    private void ParseStartTag()
    {
        _tokenStart = _pos;
        if (_rootClosed)
        {
            throw Error("a document has one root element; found another element after it", _pos);
        }

        _pos++;
        ParseQualifiedName(out var nameStart, out var nameLength, out var prefixLength);
        var bindingsBefore = _bindingCount;
        _tagBindingStart = bindingsBefore;
        _attributeCount = 0;
        bool isEmpty;
        while (true)
        {
            var whitespaceStart = _pos;
            SkipWhitespace();
            if (_pos >= _xml.Length)
            {
                throw Error($"the document ends inside the start tag <{_xml.Slice(nameStart, nameLength)}>", _pos);
            }

            var c = _xml[_pos];
            if (c == '>')
            {
                _pos++;
                isEmpty = false;
                break;
            }

            if (c == '/')
            {
                if (_pos + 1 >= _xml.Length || _xml[_pos + 1] != '>')
                {
                    throw Error("expected '/>'", _pos);
                }

                _pos += 2;
                isEmpty = true;
                break;
            }

            if (_pos == whitespaceStart)
            {
                throw Error("expected whitespace, '>' or '/>' after the element name or attribute", _pos);
            }

            ParseAttribute();
        }

        if (_depth >= MaxDepth)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"elements are nested more than {MaxDepth} deep"), _tokenStart);
        }

        ref var frame = ref _frames[_depth];
        frame.NameStart = nameStart;
        frame.NameLength = nameLength;
        frame.BindingCount = bindingsBefore;
        _depth++;
        _rootSeen = true;

        _nameStart = nameStart;
        _nameLength = nameLength;
        _prefixLength = prefixLength;
        _namespaceIndex = Resolve(nameStart, prefixLength, isAttribute: false);
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var attribute = ref _attributes[i];
            attribute.NamespaceIndex = Resolve(attribute.NameStart, attribute.PrefixLength, isAttribute: true);
        }

        CheckDuplicateAttributes();
        _isEmpty = isEmpty;
        _contentStart = _pos;
        _nodeType = WpsXmlNodeType.StartElement;
    }

    private void ParseAttribute()
    {
        var attributeStart = _pos;
        ParseQualifiedName(out var nameStart, out var nameLength, out var prefixLength);
        SkipWhitespace();
        if (_pos >= _xml.Length || _xml[_pos] != '=')
        {
            throw Error("expected '=' after the attribute name", _pos);
        }

        _pos++;
        SkipWhitespace();
        if (_pos >= _xml.Length || _xml[_pos] is not ('"' or '\''))
        {
            throw Error("expected a quoted attribute value", _pos);
        }

        var quote = _xml[_pos++];
        var valueStart = _pos;
        var needsDecoding = false;
        while (true)
        {
            // As for text: one search for the next quote, '<' or '&', one pass over the run before it.
            var special = _xml.Slice(_pos).IndexOfAny(quote, '<', '&');
            if (special < 0)
            {
                throw Error("the document ends inside an attribute value", valueStart);
            }

            needsDecoding |= CheckChars(_pos, special);
            _pos += special;
            var c = _xml[_pos];
            if (c == quote)
            {
                break;
            }

            if (c == '<')
            {
                throw Error("'<' is not allowed in an attribute value", _pos);
            }

            _pos = CheckReference(_pos);
            needsDecoding = true;
        }

        var valueLength = _pos - valueStart;
        _pos++;

        var name = _xml.Slice(nameStart, nameLength);
        if (prefixLength == 0 && name.SequenceEqual("xmlns"))
        {
            DeclareNamespace(nameStart, 0, valueStart, valueLength, needsDecoding, attributeStart);
            return;
        }

        if (prefixLength == 5 && name.StartsWith("xmlns:", StringComparison.Ordinal))
        {
            DeclareNamespace(nameStart + 6, nameLength - 6, valueStart, valueLength, needsDecoding, attributeStart);
            return;
        }

        if (_attributeCount >= MaxAttributes)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"an element has more than {MaxAttributes} attributes"), attributeStart);
        }

        ref var attribute = ref _attributes[_attributeCount++];
        attribute.NameStart = nameStart;
        attribute.NameLength = nameLength;
        attribute.PrefixLength = prefixLength;
        attribute.ValueStart = valueStart;
        attribute.ValueLength = valueLength;
        attribute.NeedsDecoding = needsDecoding;
        attribute.NamespaceIndex = NoNamespace;
    }

    private void DeclareNamespace(int prefixStart, int prefixLength, int uriStart, int uriLength, bool needsDecoding, int position)
    {
        var prefix = _xml.Slice(prefixStart, prefixLength);
        var decodedIndex = -1;
        ReadOnlySpan<char> uri = _xml.Slice(uriStart, uriLength);
        if (needsDecoding)
        {
            _decodedUris ??= new List<string>(1);
            _decodedUris.Add(DecodeAttributeValue(uri));
            decodedIndex = _decodedUris.Count - 1;
            uri = _decodedUris[decodedIndex];
        }

        if (prefix.SequenceEqual("xmlns"))
        {
            throw Error("the prefix 'xmlns' cannot be declared", position);
        }

        if (prefix.SequenceEqual("xml"))
        {
            if (!uri.SequenceEqual(XmlNamespace))
            {
                throw Error("the prefix 'xml' cannot be bound to another namespace", position);
            }

            return;
        }

        if (uri.SequenceEqual(XmlNamespace) || uri.SequenceEqual(XmlnsNamespace))
        {
            throw Error("a reserved namespace cannot be bound to another prefix", position);
        }

        if (prefixLength > 0 && uri.IsEmpty)
        {
            throw Error($"the prefix '{prefix}' cannot be bound to an empty namespace", position);
        }

        for (var i = _tagBindingStart; i < _bindingCount; i++)
        {
            if (_xml.Slice(_bindings[i].PrefixStart, _bindings[i].PrefixLength).SequenceEqual(prefix))
            {
                throw Error($"the prefix '{prefix}' is declared twice on one element", position);
            }
        }

        if (_bindingCount >= MaxNamespaceDeclarations)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"more than {MaxNamespaceDeclarations} namespace declarations are in scope"), position);
        }

        ref var binding = ref _bindings[_bindingCount++];
        binding.PrefixStart = prefixStart;
        binding.PrefixLength = prefixLength;
        binding.UriStart = uriStart;
        binding.UriLength = uriLength;
        binding.DecodedIndex = decodedIndex;
    }

    private void CheckDuplicateAttributes()
    {
        for (var i = 1; i < _attributeCount; i++)
        {
            var a = _attributes[i];
            var aName = _xml.Slice(a.NameStart, a.NameLength);
            var aLocal = aName.Slice(a.PrefixLength == 0 ? 0 : a.PrefixLength + 1);
            for (var j = 0; j < i; j++)
            {
                var b = _attributes[j];
                var bName = _xml.Slice(b.NameStart, b.NameLength);
                var bLocal = bName.Slice(b.PrefixLength == 0 ? 0 : b.PrefixLength + 1);
                if (aName.SequenceEqual(bName)
                    || (a.NamespaceIndex != NoNamespace && aLocal.SequenceEqual(bLocal) && NamespaceOf(a.NamespaceIndex).SequenceEqual(NamespaceOf(b.NamespaceIndex))))
                {
                    throw Error($"the attribute '{aName}' is given twice", a.NameStart);
                }
            }
        }
    }

    private void ParseEndTag()
    {
        _tokenStart = _pos;
        _pos += 2;
        ParseQualifiedName(out var nameStart, out var nameLength, out var prefixLength);
        SkipWhitespace();
        if (_pos >= _xml.Length || _xml[_pos] != '>')
        {
            throw Error("expected '>' to close the end tag", _pos);
        }

        _pos++;
        var name = _xml.Slice(nameStart, nameLength);
        if (_depth == 0)
        {
            throw Error($"the end tag </{name}> has no matching start tag", _tokenStart);
        }

        var open = _frames[_depth - 1];
        var openName = _xml.Slice(open.NameStart, open.NameLength);
        if (!name.SequenceEqual(openName))
        {
            throw Error($"the end tag </{name}> does not match the start tag <{openName}>", _tokenStart);
        }

        _nameStart = nameStart;
        _nameLength = nameLength;
        _prefixLength = prefixLength;
        _namespaceIndex = Resolve(nameStart, prefixLength, isAttribute: false);
        _nodeType = WpsXmlNodeType.EndElement;
        _pendingPop = true;
    }

    private void Pop()
    {
        _pendingPop = false;
        _depth--;
        _bindingCount = _frames[_depth].BindingCount;
        if (_depth == 0)
        {
            _rootClosed = true;
        }
    }

    private void ParseText()
    {
        _tokenStart = _pos;
        var start = _pos;
        while (_pos < _xml.Length)
        {
            // Find the next markup, reference or ']' once, check the run of characters before it, then jump past the
            // run: each character is searched and checked once, however many line ends or tabs the text holds.
            var special = _xml.Slice(_pos).IndexOfAny('<', '&', ']');
            var runLength = special < 0 ? _xml.Length - _pos : special;
            CheckChars(_pos, runLength);
            _pos += runLength;
            if (special < 0)
            {
                break;
            }

            var c = _xml[_pos];
            if (c == '<')
            {
                break;
            }

            if (c == '&')
            {
                _pos = CheckReference(_pos);
                continue;
            }

            if (_pos + 2 < _xml.Length && _xml[_pos + 1] == ']' && _xml[_pos + 2] == '>')
            {
                throw Error("']]>' is not allowed in text", _pos);
            }

            _pos++;
        }

        _valueStart = start;
        _valueLength = _pos - start;
        _nodeType = WpsXmlNodeType.Text;
    }

    private void ParseCData()
    {
        _tokenStart = _pos;
        var start = _pos + 9;
        var end = _xml.Slice(start).IndexOf("]]>", StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("the CDATA section is never closed", _pos);
        }

        CheckChars(start, end);
        _valueStart = start;
        _valueLength = end;
        _pos = start + end + 3;
        _nodeType = WpsXmlNodeType.CData;
    }

    private void ParseComment()
    {
        var start = _pos + 4;
        var end = _xml.Slice(start).IndexOf("--", StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("the comment is never closed", _pos);
        }

        if (start + end + 2 >= _xml.Length || _xml[start + end + 2] != '>')
        {
            throw Error("'--' is not allowed inside a comment", start + end);
        }

        CheckChars(start, end);
        _pos = start + end + 3;
    }

    private void ParseProcessingInstruction()
    {
        var start = _pos;
        _pos += 2;
        ParseQualifiedName(out var targetStart, out var targetLength, out _);
        var target = _xml.Slice(targetStart, targetLength);
        if (target.Equals("xml", StringComparison.OrdinalIgnoreCase) && (start != _documentStart || !target.SequenceEqual("xml")))
        {
            throw Error("the XML declaration is only allowed at the very start of the document", start);
        }

        var end = _xml.Slice(_pos).IndexOf("?>", StringComparison.Ordinal);
        if (end < 0)
        {
            throw Error("the processing instruction is never closed", start);
        }

        if (end > 0 && !IsWhitespace(_xml[_pos]))
        {
            throw Error("expected whitespace after the processing instruction target", _pos);
        }

        CheckChars(_pos, end);
        _pos += end + 2;
    }

    private void ParseQualifiedName(out int start, out int length, out int prefixLength)
    {
        start = _pos;
        prefixLength = 0;
        if (_pos >= _xml.Length || !IsNameStart(_xml, _pos, out var width))
        {
            throw Error("expected a name", _pos);
        }

        _pos += width;
        while (_pos < _xml.Length)
        {
            var c = _xml[_pos];
            if (c == ':')
            {
                if (prefixLength != 0)
                {
                    throw Error("a name may contain only one ':'", _pos);
                }

                prefixLength = _pos - start;
                _pos++;
                if (_pos >= _xml.Length || !IsNameStart(_xml, _pos, out width))
                {
                    throw Error("expected a local name after ':'", _pos);
                }

                _pos += width;
                continue;
            }

            if (!IsNameChar(_xml, _pos, out width))
            {
                break;
            }

            _pos += width;
        }

        length = _pos - start;
    }

    private readonly int Resolve(int nameStart, int prefixLength, bool isAttribute)
    {
        if (prefixLength == 0)
        {
            if (isAttribute)
            {
                return NoNamespace;
            }

            for (var i = _bindingCount - 1; i >= 0; i--)
            {
                if (_bindings[i].PrefixLength == 0)
                {
                    return _bindings[i].UriLength == 0 && _bindings[i].DecodedIndex < 0 ? NoNamespace : i;
                }
            }

            return NoNamespace;
        }

        var prefix = _xml.Slice(nameStart, prefixLength);
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            ref readonly var binding = ref _bindings[i];
            if (binding.PrefixLength == prefixLength && _xml.Slice(binding.PrefixStart, prefixLength).SequenceEqual(prefix))
            {
                return i;
            }
        }

        if (prefix.SequenceEqual("xml"))
        {
            return XmlPrefixNamespace;
        }

        throw Error($"the prefix '{prefix}' is not declared", nameStart);
    }

    private readonly ReadOnlySpan<char> NamespaceOf(int index)
    {
        if (index == NoNamespace)
        {
            return ReadOnlySpan<char>.Empty;
        }

        if (index == XmlPrefixNamespace)
        {
            return XmlNamespace;
        }

        ref readonly var binding = ref _bindings[index];
        return binding.DecodedIndex >= 0 ? _decodedUris![binding.DecodedIndex] : _xml.Slice(binding.UriStart, binding.UriLength);
    }

    private void SkipWhitespace()
    {
        while (_pos < _xml.Length && IsWhitespace(_xml[_pos]))
        {
            _pos++;
        }
    }

    /// <summary>Checks the reference at <paramref name="pos"/> (on its '&amp;') and returns the offset after its ';'.</summary>
    private readonly int CheckReference(int pos)
    {
        var rest = _xml.Slice(pos + 1);
        var end = rest.Slice(0, Math.Min(rest.Length, 32)).IndexOf(';');
        if (end <= 0)
        {
            throw Error("'&' must start a reference such as '&amp;' (write a literal '&' as '&amp;')", pos);
        }

        var body = rest.Slice(0, end);
        if (body[0] == '#')
        {
            var hex = body.Length > 1 && body[1] == 'x';
            var digits = body.Slice(hex ? 2 : 1);
            if (digits.IsEmpty
                || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var codePoint)
                || !IsXmlChar(codePoint))
            {
                throw Error($"'&{body};' is not a valid character reference", pos);
            }
        }
        else if (body is not ("lt" or "gt" or "amp" or "apos" or "quot"))
        {
            throw Error($"the entity reference '&{body};' is not allowed: only &lt; &gt; &amp; &apos; &quot; and character references are (DTDs are prohibited)", pos);
        }

        return pos + end + 2;
    }

    /// <summary>
    /// Checks the characters of a run that holds no markup (it ends at an ASCII delimiter or the end of the document,
    /// so a surrogate pair cannot straddle its end): a vector search finds each unusual character, which is checked on
    /// its own, and the search resumes just after it, so the run is read once however many such characters it holds.
    /// </summary>
    /// <returns>Whether the run holds a tab or line end (an attribute value that does needs normalising).</returns>
    private readonly bool CheckChars(int start, int length)
    {
        var end = start + length;
        var pos = start;
        var whitespace = false;
        while (true)
        {
            var unusual = IndexOfUnusual(_xml.Slice(pos, end - pos));
            if (unusual < 0)
            {
                return whitespace;
            }

            pos += unusual;
            whitespace |= _xml[pos] is '\t' or '\n' or '\r';
            pos = CheckChar(pos);
        }
    }

    /// <summary>Checks the XML character (or surrogate pair) at <paramref name="pos"/> and returns the offset after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int CheckChar(int pos)
    {
        var c = _xml[pos];
        if ((c >= 0x20 && c < 0xD800) || c is '\t' or '\n' or '\r' || (c >= 0xE000 && c <= 0xFFFD))
        {
            return pos + 1;
        }

        if (char.IsHighSurrogate(c) && pos + 1 < _xml.Length && char.IsLowSurrogate(_xml[pos + 1]))
        {
            return pos + 2;
        }

        throw Error(string.Create(CultureInfo.InvariantCulture, $"the character U+{(int)c:X4} is not allowed in XML"), pos);
    }

    /// <summary>
    /// The index of the first character outside U+0020–U+D7FF (a control character, surrogate or private-use
    /// character that needs a closer look), or -1. Hand-vectorised: <c>IndexOfAnyExceptInRange</c> allocates on
    /// this path, and the scanner must not.
    /// </summary>
    private static int IndexOfUnusual(ReadOnlySpan<char> text)
    {
        const ushort Low = 0x20;
        const ushort Width = 0xD7FF - 0x20;
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var low = Vector128.Create(Low);
            var width = Vector128.Create(Width);
            var last = text.Length - Vector128<ushort>.Count;
            for (; i <= last; i += Vector128<ushort>.Count)
            {
                // Unsigned wrap-around turns "below 0x20 or above 0xD7FF" into one comparison.
                var shifted = Vector128.LoadUnsafe(ref start, (nuint)i) - low;
                if (Vector128.GreaterThanAny(shifted, width))
                {
                    break;
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if ((ushort)(text[i] - Low) > Width)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsXmlChar(int codePoint) =>
        codePoint is 0x9 or 0xA or 0xD
        || (codePoint >= 0x20 && codePoint <= 0xD7FF)
        || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
        || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>For each ASCII character: 2 = may start a name, 1 = may only continue one, 0 = neither (':' is handled apart).</summary>
    private static ReadOnlySpan<byte> AsciiNameClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    ];

    /// <summary>XML 1.0 (fifth edition) NameStartChar, without ':' (a namespace-aware name uses it only as the prefix separator).</summary>
    private static bool IsNameStart(ReadOnlySpan<char> s, int pos, out int width)
    {
        width = 1;
        var c = s[pos];
        if (c < 0x80)
        {
            return AsciiNameClass[c] == 2;
        }

        if (c < 0xC0)
        {
            return false;
        }

        if (c >= 0xD800 && c <= 0xDB7F && pos + 1 < s.Length && char.IsLowSurrogate(s[pos + 1]))
        {
            // U+10000 to U+EFFFF.
            width = 2;
            return true;
        }

        return (c >= 0xC0 && c <= 0xD6)
            || (c >= 0xD8 && c <= 0xF6)
            || (c >= 0xF8 && c <= 0x2FF)
            || (c >= 0x370 && c <= 0x37D)
            || (c >= 0x37F && c <= 0x1FFF)
            || (c >= 0x200C && c <= 0x200D)
            || (c >= 0x2070 && c <= 0x218F)
            || (c >= 0x2C00 && c <= 0x2FEF)
            || (c >= 0x3001 && c <= 0xD7FF)
            || (c >= 0xF900 && c <= 0xFDCF)
            || (c >= 0xFDF0 && c <= 0xFFFD);
    }

    /// <summary>XML 1.0 (fifth edition) NameChar, without ':'.</summary>
    private static bool IsNameChar(ReadOnlySpan<char> s, int pos, out int width)
    {
        var c = s[pos];
        if (c < 0x80)
        {
            width = 1;
            return AsciiNameClass[c] != 0;
        }

        if (c == '\u00B7' || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040))
        {
            width = 1;
            return true;
        }

        return IsNameStart(s, pos, out width);
    }

    private readonly FormatException Error(string message, int pos)
    {
        var line = 1;
        var lineStart = 0;
        var limit = Math.Min(pos, _xml.Length);
        for (var i = 0; i < limit; i++)
        {
            if (_xml[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new FormatException(string.Create(CultureInfo.InvariantCulture, $"Malformed XML at line {line}, column {pos - lineStart + 1} (offset {pos}): {message}."));
    }

    private struct Frame
    {
        public int NameStart;
        public int NameLength;
        public int BindingCount;
    }

    private struct Binding
    {
        public int PrefixStart;
        public int PrefixLength;
        public int UriStart;
        public int UriLength;
        public int DecodedIndex;
    }

    private struct AttributeRange
    {
        public int NameStart;
        public int NameLength;
        public int PrefixLength;
        public int ValueStart;
        public int ValueLength;
        public int NamespaceIndex;
        public bool NeedsDecoding;
    }

    [InlineArray(MaxDepth)]
    private struct FrameBuffer
    {
        private Frame _element0;
    }

    [InlineArray(MaxNamespaceDeclarations)]
    private struct BindingBuffer
    {
        private Binding _element0;
    }

    [InlineArray(MaxAttributes)]
    private struct AttributeBuffer
    {
        private AttributeRange _element0;
    }
}
