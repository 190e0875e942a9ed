using System.Globalization;
using System.Text.Json.Nodes;
using Maap.Dps.Emulator.Endpoints.Wps;
using Maap.Dps.Emulator.Jobs;
using Maap.Dps.Emulator.Store;
using Maap.Dps.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Maap.Dps.Emulator.Endpoints.Ogc;

/// <summary>
/// The query of <c>GET /api/ogc/jobs</c> (<c>maap-ogc-spec.md</c> §3.10), read as MAAP reads it: what Mozart filters
/// becomes a <see cref="JobListFilter"/>; duration and datetime stay raw text, as MAAP only reads them after paging.
/// </summary>
internal sealed record OgcJobListQuery(JobListFilter Filter, bool Details, IReadOnlyList<string> Fields)
{
    public const int DefaultLimit = 100;

    /// <summary>Mozart's cap on a page.</summary>
    public const int MaxLimit = 250;

    /// <summary>Whether <c>processID</c> named no deployed process: MAAP then answers an empty list at once.</summary>
    public bool NoSuchProcess { get; init; }

    public string? MinDuration { get; init; }

    public string? MaxDuration { get; init; }

    public string? Datetime { get; init; }

    /// <summary>The empty answer MAAP gives for an unknown or undeployed processID.</summary>
    public static JsonObject EmptyAnswer() => new() { ["status"] = StatusCodes.Status200OK, ["jobs"] = new JsonArray(), ["links"] = new JsonArray() };

    /// <summary>Reads the query; returns MAAP's error answer when it refuses it, else null with <paramref name="query"/> set.</summary>
    public static IResult? TryParse(IQueryCollection q, EmulatorUser caller, IProcessDirectory processes, out OgcJobListQuery query)
    {
        query = null!;
        string? state = null;
        if (OgcJobFields.Param(q, "status") is { Length: > 0 } word)
        {
            if (!OgcJobStatus.TryToState(word, out state))
            {
                return OgcResponses.Error(StatusCodes.Status400BadRequest,
                    $"Invalid WPS status: {word.ToLowerInvariant()}. Valid values are: {OgcJobStatus.ValidFilterWords}");
            }

            if (state is null)
            {
                // "deleted" translates to no HySDS state, and MAAP raises its 400 with that None as the message.
                return OgcResponses.Error(StatusCodes.Status400BadRequest, null);
            }
        }

        var jobType = NonEmpty(q, "job_type");
        var noSuchProcess = false;
        if (NonEmpty(q, "processID") is { } processText)
        {
            if (!int.TryParse(processText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var processId))
            {
                // MAAP compares the text with an integer column; Postgres refuses it and the exception escapes.
                return Responses.UnhandledException("DataError", $"invalid input syntax for type integer: \"{processText}\"");
            }

            jobType = processes.JobTypeOf(processId);
            noSuchProcess = jobType is null;
        }

        // limit wins over pageSize/page_size; Mozart refuses a size or offset that is not a non-negative integer.
        var limitText = NonEmpty(q, "limit") ?? NonEmpty(q, "pageSize") ?? NonEmpty(q, "page_size");
        var offsetText = NonEmpty(q, "offset");
        if (!TryCount(limitText, DefaultLimit, out var limit) || !TryCount(offsetText, 0, out var offset))
        {
            return OgcResponses.Json(new JsonObject
            {
                ["message"] = $"Failed to get jobs for user {caller.Name}. please contact administrator of DPS",
                ["status"] = StatusCodes.Status500InternalServerError,
            }, StatusCodes.Status500InternalServerError);
        }

        var filter = new JobListFilter(caller.Name)
        {
            JobType = jobType,
            Tag = NonEmpty(q, "tag"),
            Queue = NonEmpty(q, "queue"),
            Priority = int.TryParse(NonEmpty(q, "priority"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null,
            Status = state,
            StartMs = WpsJobListQuery.MozartTime(NonEmpty(q, "startTime") ?? NonEmpty(q, "start_time")),
            EndMs = WpsJobListQuery.MozartTime(NonEmpty(q, "endTime") ?? NonEmpty(q, "end_time")),
            Offset = offset,
            Limit = Math.Min(limit, MaxLimit),
        };
        var fields = OgcJobFields.Param(q, "fields") is { Length: > 0 } f ? f.Split(',') : [];
        query = new OgcJobListQuery(filter, OgcJobFields.Flag(q, "getJobDetails"), fields)
        {
            NoSuchProcess = noSuchProcess,
            MinDuration = NonEmpty(q, "minDuration"),
            MaxDuration = NonEmpty(q, "maxDuration"),
            Datetime = NonEmpty(q, "datetime"),
        };
        return null;
    }

    /// <summary>
    /// The after-paging filters, or null when a duration is not a number (MAAP then answers 500 with the raw page).
    /// </summary>
    public JobPageRefinement? Refinement()
    {
        if (!TryDuration(MinDuration, out var min) || !TryDuration(MaxDuration, out var max))
        {
            return null;
        }

        return new JobPageRefinement
        {
            MinDurationSeconds = min,
            MaxDurationSeconds = max,
            Window = Datetime is null ? null : OgcDatetime.Parse(Datetime) ?? JobTimeWindow.Nothing,
        };
    }

    private static bool TryDuration(string? text, out double? seconds)
    {
        seconds = null;
        if (text is null)
        {
            return true;
        }

        // Python's float(): surrounding blanks, a sign, a fraction and an exponent.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            seconds = value;
            return true;
        }

        return false;
    }

    private static bool TryCount(string? text, int fallback, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string? NonEmpty(IQueryCollection q, string name) => OgcJobFields.Param(q, name) is { Length: > 0 } s ? s : null;
}
