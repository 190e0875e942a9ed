namespace Maap.Algorithms.Protocol.Wps;

/// <summary>
/// Reads the WPS 2.0 documents of MAAP's <c>/api/dps/job…</c> endpoints (spec §3–§7, §14) into the job model.
/// </summary>
/// <remarks>
/// Every reader scans the whole document with <see cref="WpsXmlScanner"/>, so a malformed body fails even when the
/// wanted elements come first. Elements are matched by namespace URI and local name, never by prefix. Unknown
/// elements are skipped. A document of the wrong kind, or one missing a required element, throws a
/// <see cref="FormatException"/> saying what was expected; the caller wraps it with the HTTP status and a body excerpt.
/// </remarks>
internal static class WpsReader
{
    /// <summary>The WPS 2.0 namespace.</summary>
    public const string WpsNamespace = "http://www.opengis.net/wps/2.0";

    /// <summary>The OWS 2.0 namespace MAAP binds <c>ows</c> to.</summary>
    public const string OwsNamespace = "http://www.opengis.net/ows/2.0";

    /// <summary>The OWS 1.1 namespace (the one MAAP's own docstring shows for exception reports).</summary>
    public const string Ows11Namespace = "http://www.opengis.net/ows/1.1";

    /// <summary>The output id MAAP uses to carry a failed job's traceback.</summary>
    public const string TracebackOutputId = "traceback";

    /// <summary>The synthetic ProcessOfferings input that carries the recommended queue.</summary>
    public const string QueueNameInput = "queue_name";

    /// <summary>Reads a <c>wps:StatusInfo</c> (submit, status and cancel responses).</summary>
    /// <param name="xml">The response body.</param>
    /// <returns>The job id and status; a known status is the cached <see cref="JobStatus"/> instance.</returns>
    /// <exception cref="FormatException">The body is not a well-formed StatusInfo with a JobID and a Status.</exception>
    public static StatusInfo ReadStatusInfo(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var scanner = new WpsXmlScanner(xml);
        scanner.ReadRootElement(WpsNamespace, "StatusInfo", "a WPS StatusInfo document");
        string? jobId = null;
        JobStatus? status = null;
        while (scanner.ReadChildElement())
        {
            if (jobId is null && scanner.IsStartElement(WpsNamespace, "JobID"))
            {
                jobId = ReadJobId(ref scanner, "StatusInfo");
            }
            else if (status is null && scanner.IsStartElement(WpsNamespace, "Status"))
            {
                status = ReadStatus(ref scanner);
            }
            else
            {
                scanner.Skip();
            }
        }

        scanner.ReadToEndOfDocument();
        if (jobId is null)
        {
            throw new FormatException("Expected a wps:JobID element in the WPS StatusInfo document.");
        }

        if (status is not { } found)
        {
            throw new FormatException("Expected a wps:Status element in the WPS StatusInfo document.");
        }

        return new StatusInfo(jobId, found);
    }

    /// <summary>
    /// Reads a <c>wps:Result</c>: each <c>wps:Output</c> with its <c>wps:Data</c> URLs, and the <c>traceback</c> output
    /// of a failed job as <see cref="JobResult.Traceback"/>. A running job's Result has no outputs.
    /// </summary>
    /// <param name="xml">The response body.</param>
    /// <returns>The result.</returns>
    /// <exception cref="FormatException">The body is not a well-formed Result with a JobID, or an output has no id.</exception>
    public static JobResult ReadResult(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var scanner = new WpsXmlScanner(xml);
        scanner.ReadRootElement(WpsNamespace, "Result", "a WPS Result document");
        string? jobId = null;
        string? traceback = null;
        List<JobOutput>? outputs = null;
        while (scanner.ReadChildElement())
        {
            if (jobId is null && scanner.IsStartElement(WpsNamespace, "JobID"))
            {
                jobId = ReadJobId(ref scanner, "Result");
            }
            else if (scanner.IsStartElement(WpsNamespace, "Output"))
            {
                var id = scanner.GetAttribute(string.Empty, "id")
                    ?? throw new FormatException("Expected an id attribute on every wps:Output of the WPS Result document.");
                if (id == TracebackOutputId)
                {
                    var text = ReadTraceback(ref scanner);
                    traceback = traceback is null ? text : traceback + "\n" + text;
                }
                else
                {
                    (outputs ??= new List<JobOutput>(1)).Add(new JobOutput(id, ReadOutputUrls(ref scanner)));
                }
            }
            else
            {
                scanner.Skip();
            }
        }

        scanner.ReadToEndOfDocument();
        if (jobId is null)
        {
            throw new FormatException("Expected a wps:JobID element in the WPS Result document.");
        }

        return new JobResult(jobId, outputs is null ? Array.Empty<JobOutput>() : outputs, traceback);
    }

    /// <summary>Reads a <c>&lt;metrics&gt;</c> document (no namespace): each child's name to its text, in document order.</summary>
    /// <param name="xml">The response body.</param>
    /// <returns>The metrics; a self-closed or empty child has a null raw value. The first of two same-named children wins.</returns>
    /// <exception cref="FormatException">The body is not a well-formed metrics document.</exception>
    public static JobMetrics ReadMetrics(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var scanner = new WpsXmlScanner(xml);
        scanner.ReadRootElement(string.Empty, "metrics", "a DPS metrics document");

        // Dictionary keeps insertion order while nothing is removed, which is document order here.
        var values = new Dictionary<string, string?>(20, StringComparer.Ordinal);
        while (scanner.ReadChildElement())
        {
            var name = scanner.LocalName.ToString();
            var text = scanner.ReadElementText();
            values.TryAdd(name, text.Length == 0 ? null : text);
        }

        scanner.ReadToEndOfDocument();
        return new JobMetrics(values);
    }

    /// <summary>
    /// Reads the first <c>ows:Exception</c> of an <c>ows:ExceptionReport</c> (OWS 2.0 or 1.1), or returns null when
    /// <paramref name="text"/> is anything else: JSON, HTML, another XML document, malformed XML, empty. Never throws.
    /// </summary>
    /// <param name="text">An error response body.</param>
    /// <returns>The exception code, locator and text, or null.</returns>
    public static WpsExceptionReport? TryReadExceptionReport(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > WpsXmlScanner.MaxDocumentLength)
        {
            return null;
        }

        var start = text.AsSpan().TrimStart().TrimStart('\uFEFF');
        if (start.IsEmpty || start[0] != '<')
        {
            return null;
        }

        try
        {
            return ReadExceptionReport(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads a <c>wps:ProcessOfferings</c> (describe process / describe algorithm): the first offering's process
    /// identifier, title and inputs. The synthetic <c>queue_name</c> input becomes <see cref="AlgorithmDescription.RecommendedQueue"/>.
    /// </summary>
    /// <param name="xml">The response body.</param>
    /// <returns>The algorithm description.</returns>
    /// <exception cref="FormatException">The body is not a well-formed ProcessOfferings with a process identifier, or an input has no identifier.</exception>
    public static AlgorithmDescription ReadProcessOfferings(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var scanner = new WpsXmlScanner(xml);
        scanner.ReadRootElement(WpsNamespace, "ProcessOfferings", "a WPS ProcessOfferings document");
        AlgorithmDescription? description = null;
        while (scanner.ReadChildElement())
        {
            if (description is null && scanner.IsStartElement(WpsNamespace, "ProcessOffering"))
            {
                while (scanner.ReadChildElement())
                {
                    if (description is null && scanner.IsStartElement(WpsNamespace, "Process"))
                    {
                        description = ReadProcess(ref scanner);
                    }
                    else
                    {
                        scanner.Skip();
                    }
                }
            }
            else
            {
                scanner.Skip();
            }
        }

        scanner.ReadToEndOfDocument();
        return description ?? throw new FormatException("Expected a wps:ProcessOffering/wps:Process element in the WPS ProcessOfferings document.");
    }

    private static WpsExceptionReport? ReadExceptionReport(string text)
    {
        var scanner = new WpsXmlScanner(text);
        if (!scanner.Read() || scanner.NodeType != WpsXmlNodeType.StartElement || !scanner.LocalName.SequenceEqual("ExceptionReport"))
        {
            return null;
        }

        string ns;
        if (scanner.NamespaceUri.SequenceEqual(OwsNamespace))
        {
            ns = OwsNamespace;
        }
        else if (scanner.NamespaceUri.SequenceEqual(Ows11Namespace))
        {
            ns = Ows11Namespace;
        }
        else
        {
            return null;
        }

        string? code = null;
        string? locator = null;
        string? message = null;
        var found = false;
        while (scanner.ReadChildElement())
        {
            if (!found && scanner.IsStartElement(ns, "Exception"))
            {
                found = true;
                code = scanner.GetAttribute(string.Empty, "exceptionCode");
                locator = scanner.GetAttribute(string.Empty, "locator");
                while (scanner.ReadChildElement())
                {
                    if (message is null && scanner.IsStartElement(ns, "ExceptionText"))
                    {
                        message = scanner.ReadElementText();
                    }
                    else
                    {
                        scanner.Skip();
                    }
                }
            }
            else
            {
                scanner.Skip();
            }
        }

        scanner.ReadToEndOfDocument();
        return new WpsExceptionReport(code, locator, message);
    }

    private static string ReadJobId(ref WpsXmlScanner scanner, string document)
    {
        var jobId = scanner.ReadElementText().Trim();
        return jobId.Length > 0 ? jobId : throw new FormatException($"Expected a job id in the wps:JobID element of the WPS {document} document, but it is empty.");
    }

    private static JobStatus ReadStatus(ref WpsXmlScanner scanner)
    {
        var text = WpsXmlScanner.DecodeContent(scanner.ReadElementContent()).Trim();
        return text.Length > 0 ? WpsStatuses.Read(text) : throw new FormatException("Expected a status in the wps:Status element of the WPS StatusInfo document, but it is empty.");
    }

    private static List<JobOutputUrl> ReadOutputUrls(ref WpsXmlScanner scanner)
    {
        var urls = new List<JobOutputUrl>(3);
        while (scanner.ReadChildElement())
        {
            if (scanner.IsStartElement(WpsNamespace, "Data"))
            {
                // URLs carry no meaningful surrounding whitespace; an indenting server must not break classification.
                var url = scanner.ReadElementText().Trim();
                if (url.Length > 0)
                {
                    urls.Add(JobOutputUrl.Classify(url));
                }
            }
            else
            {
                scanner.Skip();
            }
        }

        return urls;
    }

    private static string ReadTraceback(ref WpsXmlScanner scanner)
    {
        string? traceback = null;
        while (scanner.ReadChildElement())
        {
            if (scanner.IsStartElement(WpsNamespace, "Data"))
            {
                var text = scanner.ReadElementText();
                traceback = traceback is null ? text : traceback + "\n" + text;
            }
            else
            {
                scanner.Skip();
            }
        }

        return traceback ?? string.Empty;
    }

    private static AlgorithmDescription ReadProcess(ref WpsXmlScanner scanner)
    {
        string? identifier = null;
        string? title = null;
        string? recommendedQueue = null;
        var inputs = new List<AlgorithmParameter>();
        while (scanner.ReadChildElement())
        {
            if (identifier is null && scanner.IsStartElement(OwsNamespace, "Identifier"))
            {
                identifier = scanner.ReadElementText().Trim();
            }
            else if (title is null && scanner.IsStartElement(OwsNamespace, "Title"))
            {
                title = scanner.ReadElementText().Trim();
            }
            else if (scanner.IsStartElement(WpsNamespace, "Input"))
            {
                var input = ReadInput(ref scanner, out var literal);
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
                scanner.Skip();
            }
        }

        if (string.IsNullOrEmpty(identifier))
        {
            throw new FormatException("Expected an ows:Identifier element in the wps:Process of the WPS ProcessOfferings document.");
        }

        return new AlgorithmDescription(identifier, string.IsNullOrEmpty(title) ? null : title, inputs, recommendedQueue);
    }

    /// <summary>Reads one <c>wps:Input</c>: its identifier and title (children), data type and first literal or default value (any depth).</summary>
    private static AlgorithmParameter ReadInput(ref WpsXmlScanner scanner, out string? literal)
    {
        var depth = scanner.Depth;
        string? identifier = null;
        string? title = null;
        string? dataType = null;
        literal = null;
        while (scanner.ReadDescendantElement(depth))
        {
            var isChild = scanner.Depth == depth + 1;
            if (isChild && identifier is null && scanner.IsStartElement(OwsNamespace, "Identifier"))
            {
                identifier = scanner.ReadElementText().Trim();
            }
            else if (isChild && title is null && scanner.IsStartElement(OwsNamespace, "Title"))
            {
                title = scanner.ReadElementText().Trim();
            }
            else if (dataType is null && scanner.IsStartElement(OwsNamespace, "DataType"))
            {
                dataType = scanner.GetAttribute(OwsNamespace, "reference") ?? scanner.GetAttribute(string.Empty, "reference");
                var text = scanner.ReadElementText().Trim();
                dataType = NullIfEmpty(dataType?.Trim()) ?? NullIfEmpty(text);
            }
            else if (literal is null && (scanner.IsStartElement(WpsNamespace, "LiteralValue") || scanner.IsStartElement(OwsNamespace, "DefaultValue")))
            {
                literal = NullIfEmpty(scanner.ReadElementText().Trim());
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
