using System.Xml;

namespace Maap.Algorithms.Protocol.Wps;

/// <summary>
/// Reads the WPS 2.0 documents of MAAP's <c>/api/dps/job…</c> endpoints (spec §3–§7, §14) into the job model.
/// </summary>
/// <remarks>
/// Every reader pulls the whole document through <see cref="XmlReader"/>, so a malformed body fails even when the
/// wanted elements come first. DTDs are prohibited (so no entity expansion and no external entity is ever
/// resolved), the document length and the element depth are bounded. Elements are matched by namespace URI and
/// local name, never by prefix. Unknown elements are skipped. A malformed document, a document of the wrong kind, or
/// one missing a required element, throws a <see cref="FormatException"/> saying what was expected; the caller
/// wraps it with the HTTP status and a body excerpt.
/// </remarks>
internal static partial class WpsReader
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
    public static StatusInfo ReadStatusInfo(string xml) => Parse(xml, ReadStatusInfo);

    /// <summary>
    /// Reads a <c>wps:Result</c>: each <c>wps:Output</c> with its <c>wps:Data</c> URLs, and the <c>traceback</c> output
    /// of a failed job as <see cref="JobResult.Traceback"/>. A running job's Result has no outputs.
    /// </summary>
    /// <param name="xml">The response body.</param>
    /// <returns>The result.</returns>
    /// <exception cref="FormatException">The body is not a well-formed Result with a JobID, or an output has no id.</exception>
    public static JobResult ReadResult(string xml) => Parse(xml, ReadResult);

    /// <summary>Reads a <c>&lt;metrics&gt;</c> document (no namespace): each child's name to its text, in document order.</summary>
    /// <param name="xml">The response body.</param>
    /// <returns>The metrics; a self-closed or empty child has a null raw value. The first of two same-named children wins.</returns>
    /// <exception cref="FormatException">The body is not a well-formed metrics document.</exception>
    public static JobMetrics ReadMetrics(string xml) => Parse(xml, ReadMetrics);

    /// <summary>
    /// Reads a <c>wps:ProcessOfferings</c> (describe process / describe algorithm): the first offering's process
    /// identifier, title and inputs. The synthetic <c>queue_name</c> input becomes <see cref="AlgorithmDescription.RecommendedQueue"/>.
    /// </summary>
    /// <param name="xml">The response body.</param>
    /// <returns>The algorithm description.</returns>
    /// <exception cref="FormatException">The body is not a well-formed ProcessOfferings with a process identifier, or an input has no identifier.</exception>
    public static AlgorithmDescription ReadProcessOfferings(string xml) => Parse(xml, ReadProcessOfferings);

    /// <summary>
    /// Reads the first <c>ows:Exception</c> of an <c>ows:ExceptionReport</c> (OWS 2.0 or 1.1), or returns null when
    /// <paramref name="text"/> is anything else: JSON, HTML, another XML document, malformed XML, empty. Never throws.
    /// </summary>
    /// <param name="text">An error response body.</param>
    /// <returns>The exception code, locator and text, or null.</returns>
    public static WpsExceptionReport? TryReadExceptionReport(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxDocumentLength)
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
            return Parse(text, ReadExceptionReport);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static StatusInfo ReadStatusInfo(XmlReader reader)
    {
        ReadRootElement(reader, WpsNamespace, "StatusInfo", "a WPS StatusInfo document");
        string? jobId = null;
        string? status = null;
        while (ReadChildElement(reader, 0))
        {
            if (jobId is null && IsStartElement(reader, WpsNamespace, "JobID"))
            {
                jobId = ReadJobId(reader, "StatusInfo");
            }
            else if (status is null && IsStartElement(reader, WpsNamespace, "Status"))
            {
                status = ReadElementText(reader).Trim();
                if (status.Length == 0)
                {
                    throw new FormatException("Expected a status in the wps:Status element of the WPS StatusInfo document, but it is empty.");
                }
            }
            else
            {
                Skip(reader);
            }
        }

        ReadToEndOfDocument(reader);
        if (jobId is null)
        {
            throw new FormatException("Expected a wps:JobID element in the WPS StatusInfo document.");
        }

        if (status is null)
        {
            throw new FormatException("Expected a wps:Status element in the WPS StatusInfo document.");
        }

        return new StatusInfo(jobId, WpsStatuses.Read(status));
    }

    private static JobResult ReadResult(XmlReader reader)
    {
        ReadRootElement(reader, WpsNamespace, "Result", "a WPS Result document");
        string? jobId = null;
        string? traceback = null;
        List<JobOutput>? outputs = null;
        while (ReadChildElement(reader, 0))
        {
            if (jobId is null && IsStartElement(reader, WpsNamespace, "JobID"))
            {
                jobId = ReadJobId(reader, "Result");
            }
            else if (IsStartElement(reader, WpsNamespace, "Output"))
            {
                var id = reader.GetAttribute("id", string.Empty)
                    ?? throw new FormatException("Expected an id attribute on every wps:Output of the WPS Result document.");
                if (id == TracebackOutputId)
                {
                    var text = ReadTraceback(reader);
                    traceback = traceback is null ? text : traceback + "\n" + text;
                }
                else
                {
                    (outputs ??= new List<JobOutput>(1)).Add(new JobOutput(id, ReadOutputUrls(reader)));
                }
            }
            else
            {
                Skip(reader);
            }
        }

        ReadToEndOfDocument(reader);
        if (jobId is null)
        {
            throw new FormatException("Expected a wps:JobID element in the WPS Result document.");
        }

        return new JobResult(jobId, outputs is null ? Array.Empty<JobOutput>() : outputs, traceback);
    }

    private static JobMetrics ReadMetrics(XmlReader reader)
    {
        ReadRootElement(reader, string.Empty, "metrics", "a DPS metrics document");

        // Dictionary keeps insertion order while nothing is removed, which is document order here.
        var values = new Dictionary<string, string?>(20, StringComparer.Ordinal);
        while (ReadChildElement(reader, 0))
        {
            var name = reader.LocalName;
            var text = ReadElementText(reader);
            values.TryAdd(name, text.Length == 0 ? null : text);
        }

        ReadToEndOfDocument(reader);
        return new JobMetrics(values);
    }

    /// <summary>Reads an exception report, or returns null when the root is not an OWS 2.0 or 1.1 <c>ExceptionReport</c>.</summary>
    private static WpsExceptionReport? ReadExceptionReport(XmlReader reader)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "ExceptionReport")
        {
            return null;
        }

        var ns = reader.NamespaceURI;
        if (ns is not (OwsNamespace or Ows11Namespace))
        {
            return null;
        }

        string? code = null;
        string? locator = null;
        string? message = null;
        var found = false;
        while (ReadChildElement(reader, 0))
        {
            if (!found && IsStartElement(reader, ns, "Exception"))
            {
                found = true;
                code = reader.GetAttribute("exceptionCode", string.Empty);
                locator = reader.GetAttribute("locator", string.Empty);
                var exceptionDepth = reader.Depth;
                while (ReadChildElement(reader, exceptionDepth))
                {
                    if (message is null && IsStartElement(reader, ns, "ExceptionText"))
                    {
                        message = ReadElementText(reader);
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
        return new WpsExceptionReport(code, locator, message);
    }

    private static string ReadJobId(XmlReader reader, string document)
    {
        var jobId = ReadElementText(reader).Trim();
        return jobId.Length > 0 ? jobId : throw new FormatException($"Expected a job id in the wps:JobID element of the WPS {document} document, but it is empty.");
    }

    private static List<JobOutputUrl> ReadOutputUrls(XmlReader reader)
    {
        var depth = reader.Depth;
        var urls = new List<JobOutputUrl>(3);
        while (ReadChildElement(reader, depth))
        {
            if (IsStartElement(reader, WpsNamespace, "Data"))
            {
                // URLs carry no meaningful surrounding whitespace; an indenting server must not break classification.
                var url = ReadElementText(reader).Trim();
                if (url.Length > 0)
                {
                    urls.Add(JobOutputUrl.Classify(url));
                }
            }
            else
            {
                Skip(reader);
            }
        }

        return urls;
    }

    private static string ReadTraceback(XmlReader reader)
    {
        var depth = reader.Depth;
        string? traceback = null;
        while (ReadChildElement(reader, depth))
        {
            if (IsStartElement(reader, WpsNamespace, "Data"))
            {
                var text = ReadElementText(reader);
                traceback = traceback is null ? text : traceback + "\n" + text;
            }
            else
            {
                Skip(reader);
            }
        }

        return traceback ?? string.Empty;
    }
}
