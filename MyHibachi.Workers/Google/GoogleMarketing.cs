using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyHibachi.Contracts;

namespace MyHibachi.Workers.Google;

/// <summary>
/// The three marketing APIs over REST, each read into <see cref="MarketingFact"/> rows: Search Console
/// (searchAnalytics.query paged by startRow, URL Inspection), Google Ads (GAQL through googleAds:searchStream) and the
/// GA4 Data API (runReport paged by offset). Proto3 JSON rules apply: int64 values are strings and zero values are omitted.
/// </summary>
public sealed class GoogleMarketing(GoogleApi google, IOptions<GoogleOptions> options, ILogger<GoogleMarketing> logger)
{
    private GoogleOptions Settings => options.Value;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- Search Console ----

    public async Task<MarketingDataReport> SearchConsoleAsync(GoogleAccess access, MarketingTargetDto target, CancellationToken cancellationToken)
    {
        var url = $"{Settings.SearchConsoleBaseUrl.TrimEnd('/')}/sites/{Uri.EscapeDataString(target.Property)}/searchAnalytics/query";
        var facts = new List<MarketingFact>();
        foreach (var row in await SearchRowsAsync(access, url, target, ["date"], cancellationToken))
        {
            facts.Add(new MarketingFact("sc.day", DateOnly.ParseExact(row.Keys[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), "", null, row.Clicks, row.Impressions, 0, 0,
                row.Position, 0, 0, 0));
        }

        foreach (var row in await SearchRowsAsync(access, url, target, ["date", "query", "page"], cancellationToken))
        {
            facts.Add(new MarketingFact("sc.query", DateOnly.ParseExact(row.Keys[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), row.Keys[1], row.Keys[2], row.Clicks,
                row.Impressions, 0, 0, row.Position, 0, 0, 0));
        }

        var pages = new List<PageInspectionInfo>();
        foreach (var page in target.InspectUrls)
        {
            var response = await google.SendAsync(access, HttpMethod.Post, $"{Settings.UrlInspectionBaseUrl.TrimEnd('/')}/urlInspection/index:inspect",
                new { inspectionUrl = page, siteUrl = target.Property }, "Inspecting a URL", cancellationToken);
            if (!response.Ok)
            {
                if (GoogleBackoff.IsRetryable(response.Status, response.Reason))
                {
                    response.EnsureOk("Inspecting a URL");
                }

                // A URL outside the property, or one Google will not inspect: the others still count.
                logger.LogInformation("URL Inspection refused {Url}: {Status} {Message}", page, response.Status, response.Message);
                continue;
            }

            if (response.Body is { } body && body.TryGetProperty("inspectionResult", out var result) && result.TryGetProperty("indexStatusResult", out var status))
            {
                pages.Add(new PageInspectionInfo(page, Text(status, "verdict") ?? "VERDICT_UNSPECIFIED", Text(status, "coverageState"), Text(status, "pageFetchState"),
                    Text(status, "robotsTxtState"), Text(status, "indexingState"),
                    Text(status, "lastCrawlTime") is { } crawled && DateTimeOffset.TryParse(crawled, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null));
            }
        }

        return new MarketingDataReport(target.From, target.To, facts, null, null, pages, null);
    }

    private sealed record SearchRow(IReadOnlyList<string> Keys, long Clicks, long Impressions, double Position);

    private async Task<List<SearchRow>> SearchRowsAsync(GoogleAccess access, string url, MarketingTargetDto target, string[] dimensions, CancellationToken cancellationToken)
    {
        const int pageSize = 25_000;
        var rows = new List<SearchRow>();
        // One page past the cap is asked for: rows there mean the report is larger than the cap, none mean it ended on it.
        for (var start = 0; ; start += pageSize)
        {
            var body = (await google.SendAsync(access, HttpMethod.Post, url,
                new { startDate = Iso(target.From), endDate = Iso(target.To), dimensions, rowLimit = pageSize, startRow = start, type = "web" },
                "Reading Search Console", cancellationToken)).EnsureOk("Reading Search Console").Body
                ?? throw new GoogleException("Reading Search Console: Google answered without a body.", transient: true);
            var count = 0;
            if (body.TryGetProperty("rows", out var items))
            {
                if (start >= Settings.MaxRowsPerReport && items.GetArrayLength() > 0)
                {
                    throw TooMany("Search Console", target);
                }

                foreach (var item in items.EnumerateArray())
                {
                    count++;
                    var keys = item.GetProperty("keys").EnumerateArray().Select(k => k.GetString() ?? "").ToList();
                    rows.Add(new SearchRow(keys, (long)Math.Round(Number(item, "clicks")), (long)Math.Round(Number(item, "impressions")), Number(item, "position")));
                }
            }

            if (count < pageSize)
            {
                return rows;
            }
        }
    }

    /// <summary>More rows than <see cref="GoogleOptions.MaxRowsPerReport"/>: storing a part would read as fewer clicks, so nothing is stored.</summary>
    private GoogleException TooMany(string source, MarketingTargetDto target) =>
        new($"{source} has more than {Settings.MaxRowsPerReport:N0} rows for {Iso(target.From)}..{Iso(target.To)}; nothing was stored. Raise Google:MaxRowsPerReport.",
            transient: false);

    // ---- Google Ads ----

    public async Task<MarketingDataReport> AdsAsync(GoogleAccess access, MarketingTargetDto target, CancellationToken cancellationToken)
    {
        var during = $"segments.date BETWEEN '{Iso(target.From)}' AND '{Iso(target.To)}'";
        const string metrics = "metrics.cost_micros, metrics.clicks, metrics.impressions, metrics.conversions";
        var campaigns = (await GaqlAsync(access, target,
                "SELECT campaign.id, campaign.name, campaign.status, campaign_budget.id, campaign_budget.amount_micros FROM campaign WHERE campaign.status != 'REMOVED'",
                cancellationToken))
            .Select(r => new AdsCampaignInfo(Text(r, "campaign", "id") ?? "", Text(r, "campaign", "name") ?? "", Text(r, "campaign", "status") ?? "",
                Int64(r, "campaignBudget", "amountMicros"), Text(r, "campaignBudget", "id")))
            .Where(c => c.Id.Length > 0).ToList();

        var facts = new List<MarketingFact>();
        void Add(string report, IEnumerable<JsonElement> rows, Func<JsonElement, string?> key2)
        {
            foreach (var r in rows)
            {
                if (Text(r, "segments", "date") is not { } date || Text(r, "campaign", "id") is not { } campaign)
                {
                    continue;
                }

                facts.Add(new MarketingFact(report, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), campaign, key2(r),
                    Int64(r, "metrics", "clicks"), Int64(r, "metrics", "impressions"), Int64(r, "metrics", "costMicros"), Double(r, "metrics", "conversions"), 0, 0, 0, 0));
            }
        }

        Add("ads.campaign", await GaqlAsync(access, target, $"SELECT campaign.id, campaign.name, segments.date, {metrics} FROM campaign WHERE {during}", cancellationToken),
            r => Text(r, "campaign", "name"));
        Add("ads.device", await GaqlAsync(access, target, $"SELECT campaign.id, segments.date, segments.device, {metrics} FROM campaign WHERE {during}", cancellationToken),
            r => Text(r, "segments", "device") ?? "UNKNOWN");
        // segments.hour is omitted at 0 (proto3 default): a missing hour is midnight.
        Add("ads.hour", await GaqlAsync(access, target, $"SELECT campaign.id, segments.date, segments.hour, {metrics} FROM campaign WHERE {during}", cancellationToken),
            r => Int64(r, "segments", "hour").ToString(CultureInfo.InvariantCulture));
        Add("ads.keyword", await GaqlAsync(access, target,
                $"SELECT campaign.id, segments.date, ad_group_criterion.keyword.text, ad_group_criterion.keyword.match_type, {metrics} FROM keyword_view WHERE {during}", cancellationToken),
            r => Keyword(Text(r, "adGroupCriterion", "keyword", "text"), Text(r, "adGroupCriterion", "keyword", "matchType")));
        Add("ads.search_term", await GaqlAsync(access, target,
                $"SELECT campaign.id, segments.date, search_term_view.search_term, {metrics} FROM search_term_view WHERE {during}", cancellationToken),
            r => Text(r, "searchTermView", "searchTerm"));

        var geo = await GaqlAsync(access, target, $"SELECT campaign.id, segments.date, segments.geo_target_city, {metrics} FROM geographic_view WHERE {during}", cancellationToken);
        var places = geo.Select(r => Text(r, "segments", "geoTargetCity")).OfType<string>().Distinct().ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in places.Chunk(200))
        {
            var list = string.Join(", ", chunk.Select(p => $"'{p.Replace("'", "", StringComparison.Ordinal)}'"));
            foreach (var r in await GaqlAsync(access, target,
                         $"SELECT geo_target_constant.resource_name, geo_target_constant.canonical_name FROM geo_target_constant WHERE geo_target_constant.resource_name IN ({list})", cancellationToken))
            {
                if (Text(r, "geoTargetConstant", "resourceName") is { } name)
                {
                    names[name] = Text(r, "geoTargetConstant", "canonicalName")?.Replace(",United States", "", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal) ?? name;
                }
            }
        }

        Add("ads.location", geo, r => Text(r, "segments", "geoTargetCity") is { } city ? names.GetValueOrDefault(city, city) : "Unknown");

        var arms = (await GaqlAsync(access, target,
                "SELECT experiment_arm.experiment, experiment_arm.name, experiment_arm.control, experiment_arm.traffic_split, experiment_arm.campaigns FROM experiment_arm", cancellationToken))
            .Select(r => (Experiment: Text(r, "experimentArm", "experiment") ?? "", Arm: new AdsExperimentArmInfo(Text(r, "experimentArm", "name") ?? "",
                Bool(r, "experimentArm", "control"), (int)Int64(r, "experimentArm", "trafficSplit"),
                r.TryGetProperty("experimentArm", out var arm) && arm.TryGetProperty("campaigns", out var list)
                    ? list.EnumerateArray().Select(c => c.GetString()?.Split('/').Last() ?? "").Where(c => c.Length > 0).ToList()
                    : [])))
            .ToList();
        var experiments = (await GaqlAsync(access, target,
                "SELECT experiment.resource_name, experiment.experiment_id, experiment.name, experiment.type, experiment.status, experiment.start_date, experiment.end_date FROM experiment WHERE experiment.status != 'REMOVED'",
                cancellationToken))
            .Select(r => new AdsExperimentInfo(Text(r, "experiment", "experimentId") ?? "", Text(r, "experiment", "name") ?? "", Text(r, "experiment", "type") ?? "",
                Text(r, "experiment", "status") ?? "", Date(Text(r, "experiment", "startDate")), Date(Text(r, "experiment", "endDate")),
                arms.Where(a => a.Experiment == Text(r, "experiment", "resourceName")).Select(a => a.Arm).ToList()))
            .Where(e => e.Id.Length > 0).ToList();
        return new MarketingDataReport(target.From, target.To, facts, campaigns, experiments, null, null);
    }

    private static string? Keyword(string? text, string? matchType) => text is null ? null : matchType switch
    {
        "EXACT" => $"[{text}]",
        "PHRASE" => $"\"{text}\"",
        _ => text,
    };

    private static DateOnly? Date(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>One GAQL query through searchStream: the answer is a JSON array of batches, each with its results.</summary>
    private async Task<List<JsonElement>> GaqlAsync(GoogleAccess access, MarketingTargetDto target, string query, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>();
        if (target.LoginCustomerId is { Length: > 0 } login)
        {
            headers["login-customer-id"] = login;
        }

        if (Settings.AdsDeveloperToken is { Length: > 0 } token)
        {
            headers["developer-token"] = token;
        }

        var url = $"{Settings.AdsBaseUrl.TrimEnd('/')}/{Settings.AdsApiVersion}/customers/{target.Property}/googleAds:searchStream";
        var body = (await google.SendAsync(access, HttpMethod.Post, url, new { query }, "Reading Google Ads", cancellationToken, headers)).EnsureOk("Reading Google Ads").Body;
        var rows = new List<JsonElement>();
        if (body is { ValueKind: JsonValueKind.Array } batches)
        {
            foreach (var batch in batches.EnumerateArray())
            {
                // A stream that fails after it began ends with an error element in the 200 array: the rows before it are not the whole answer.
                if (batch.ValueKind == JsonValueKind.Object && batch.TryGetProperty("error", out var error))
                {
                    var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 500;
                    var reason = GoogleBackoff.Reason(batch);
                    throw new GoogleException($"Reading Google Ads: the stream broke off ({code}{(reason is null ? "" : $", {reason}")}): {GoogleBackoff.Message(batch)}",
                        transient: GoogleBackoff.IsRetryable(code, reason), status: code, reason: reason);
                }

                if (batch.ValueKind == JsonValueKind.Object && batch.TryGetProperty("results", out var results))
                {
                    rows.AddRange(results.EnumerateArray());
                    if (rows.Count > Settings.MaxRowsPerReport)
                    {
                        throw TooMany("Google Ads", target);
                    }
                }
            }
        }
        else
        {
            throw new GoogleException("Reading Google Ads: searchStream did not answer with an array of batches.", transient: true);
        }

        return rows;
    }

    // ---- GA4 ----

    public async Task<MarketingDataReport> AnalyticsAsync(GoogleAccess access, MarketingTargetDto target, CancellationToken cancellationToken)
    {
        var facts = new List<MarketingFact>();
        foreach (var (report, dimension) in new[] { ("ga.channel", "sessionDefaultChannelGroup"), ("ga.page", "pagePath") })
        {
            foreach (var row in await RunReportAsync(access, target, dimension, cancellationToken))
            {
                facts.Add(new MarketingFact(report, DateOnly.ParseExact(row.Date, "yyyyMMdd", CultureInfo.InvariantCulture), row.Key, null, 0, 0, 0, 0, 0,
                    row.Sessions, row.Users, row.KeyEvents));
            }
        }

        return new MarketingDataReport(target.From, target.To, facts, null, null, null, null);
    }

    private sealed record AnalyticsRow(string Date, string Key, long Sessions, long Users, double KeyEvents);

    private async Task<List<AnalyticsRow>> RunReportAsync(GoogleAccess access, MarketingTargetDto target, string dimension, CancellationToken cancellationToken)
    {
        const int pageSize = 100_000;
        var url = $"{Settings.AnalyticsBaseUrl.TrimEnd('/')}/v1beta/properties/{target.Property}:runReport";
        var rows = new List<AnalyticsRow>();
        for (var offset = 0; ; offset += pageSize)
        {
            var body = (await google.SendAsync(access, HttpMethod.Post, url, new
            {
                dateRanges = new[] { new { startDate = Iso(target.From), endDate = Iso(target.To) } },
                dimensions = new[] { new { name = "date" }, new { name = dimension } },
                metrics = new[] { new { name = "sessions" }, new { name = "totalUsers" }, new { name = "keyEvents" } },
                limit = pageSize,
                offset,
            }, "Reading Google Analytics", cancellationToken)).EnsureOk("Reading Google Analytics").Body
                ?? throw new GoogleException("Reading Google Analytics: Google answered without a body.", transient: true);
            // The headers say which column is which; values are strings.
            var dimensions = body.TryGetProperty("dimensionHeaders", out var dh) ? dh.EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList() : [];
            var metricNames = body.TryGetProperty("metricHeaders", out var mh) ? mh.EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList() : [];
            int Dim(string name) => dimensions.IndexOf(name);
            int Met(string name) => metricNames.IndexOf(name);
            if (body.TryGetProperty("rows", out var items))
            {
                foreach (var item in items.EnumerateArray())
                {
                    var d = item.GetProperty("dimensionValues").EnumerateArray().Select(v => v.TryGetProperty("value", out var x) ? x.GetString() ?? "" : "").ToList();
                    var m = item.GetProperty("metricValues").EnumerateArray().Select(v => v.TryGetProperty("value", out var x) ? x.GetString() ?? "0" : "0").ToList();
                    double Metric(string name) => Met(name) is >= 0 and var i && i < m.Count && double.TryParse(m[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
                    rows.Add(new AnalyticsRow(d[Dim("date")], d[Dim(dimension)], (long)Metric("sessions"), (long)Metric("totalUsers"), Metric("keyEvents")));
                }
            }

            var total = body.TryGetProperty("rowCount", out var rc) && rc.TryGetInt32(out var count) ? count : 0;
            if (total > Settings.MaxRowsPerReport)
            {
                throw TooMany("Google Analytics", target);
            }

            if (offset + pageSize >= total)
            {
                return rows;
            }
        }
    }

    // ---- JSON helpers (missing means zero, false or empty) ----

    private static JsonElement? Path(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? Text(JsonElement element, params string[] path) => Path(element, path) is { } value
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null
        : null;

    private static long Int64(JsonElement element, params string[] path) => Path(element, path) is { } value
        ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n
        : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0
        : 0;

    private static double Double(JsonElement element, params string[] path) => Path(element, path) is { } value
        ? value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0
        : 0;

    private static bool Bool(JsonElement element, params string[] path) => Path(element, path) is { ValueKind: JsonValueKind.True };

    private static double Number(JsonElement element, string name) => Double(element, name);
}
