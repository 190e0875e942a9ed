using Microsoft.Data.Sqlite;

namespace Maap.Dps.Emulator.Store;

/// <summary>
/// The one job query with filters: a user's jobs, newest submission first, narrowed by any of
/// <see cref="JobListFilter"/>'s fields and paged by offset and limit (spec §8).
/// </summary>
internal static class JobListQuery
{
    /// <summary>Sets <paramref name="cmd"/>'s text and parameters to select the jobs <paramref name="filter"/> asks for.</summary>
    public static void Prepare(SqliteCommand cmd, JobListFilter filter)
    {
        var where = new List<string> { "j.username = $u" };
        cmd.Parameters.AddWithValue("$u", filter.UserName);
        var from = "jobs j";
        if (filter.Tag is not null)
        {
            // Drive the query from the tag index; a job appears once per distinct tag row, so no duplicates.
            from = "job_tags t JOIN jobs j ON j.id = t.job_id";
            where.Add("t.username = $u AND t.tag = $tag");
            cmd.Parameters.AddWithValue("$tag", filter.Tag);
        }

        if (filter.JobType is not null)
        {
            where.Add("j.job_type = $jt");
            cmd.Parameters.AddWithValue("$jt", filter.JobType);
        }

        if (filter.Queue is not null)
        {
            where.Add("j.queue = $q");
            cmd.Parameters.AddWithValue("$q", filter.Queue);
        }

        if (filter.Priority is { } priority)
        {
            where.Add("j.priority = $p");
            cmd.Parameters.AddWithValue("$p", priority);
        }

        if (filter.Status is not null)
        {
            where.Add("j.status = $s");
            cmd.Parameters.AddWithValue("$s", filter.Status);
        }

        if (filter.StartMs is { } start)
        {
            where.Add("j.submitted_ms >= $start");
            cmd.Parameters.AddWithValue("$start", start);
        }

        if (filter.EndMs is { } end)
        {
            where.Add("j.submitted_ms <= $end");
            cmd.Parameters.AddWithValue("$end", end);
        }

        var columns = string.Join(", ", JobRows.Columns.Split(", ").Select(c => "j." + c));
        cmd.CommandText = $"SELECT {columns} FROM {from} WHERE {string.Join(" AND ", where)} " +
                          "ORDER BY j.submitted_ms DESC, j.rowid DESC LIMIT $limit OFFSET $offset";
        cmd.Parameters.AddWithValue("$limit", filter.Limit);
        cmd.Parameters.AddWithValue("$offset", filter.Offset);
    }
}
