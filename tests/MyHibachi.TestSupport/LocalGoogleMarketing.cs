using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MyHibachi.TestSupport;

/// <summary>One day of Search Console data for a query on a page.</summary>
public sealed record SearchRowData(DateOnly Date, string Query, string Page, long Clicks, long Impressions, double Position);

/// <summary>One day of Google Ads data at the finest grain the stand-in knows (campaign × device × hour × city × keyword × search term).</summary>
public sealed record AdsRowData(DateOnly Date, string CampaignId, long Clicks, long Impressions, long CostMicros, double Conversions, string Device = "MOBILE",
    int Hour = 12, string GeoTarget = "geoTargetConstants/1015254", string Keyword = "hibachi catering", string MatchType = "PHRASE", string SearchTerm = "hibachi catering near me");

/// <summary>A campaign; campaigns with the same <paramref name="BudgetId"/> share one budget (by default each has its own).</summary>
public sealed record AdsCampaignData(string Id, string Name, string Status, long BudgetMicros, string? BudgetId = null);

public sealed record AdsExperimentData(string Id, string Name, string Type, string Status, DateOnly Start, DateOnly End, IReadOnlyList<(string Name, bool Control, int Split, string CampaignId)> Arms);

public sealed record AnalyticsRowData(DateOnly Date, string Channel, string PagePath, long Sessions, long Users, double KeyEvents);

/// <summary>
/// The marketing APIs of the Google stand-in, in their documented wire formats: Search Console searchAnalytics.query
/// (dimensions in order, startRow paging, rowLimit at most 25,000, rows omitted when empty, legacy error envelope) and
/// URL Inspection; Google Ads googleAds:searchStream (GAQL read for its FROM resource, selected segments and date
/// range; a JSON array of batches; int64 as strings and zero values omitted; login-customer-id checked); the GA4 Data
/// API runReport (headers in request order, string values, rowCount absent when 0, limit/offset paging, unknown metrics
/// refused). Every call needs a live bearer token; failures are injected with <see cref="LocalGoogleServer.Fail"/>.
/// </summary>
public sealed class LocalGoogleMarketing
{
    private readonly Func<HttpRequest, IResult?> _unauthorized;

    internal LocalGoogleMarketing(Func<HttpRequest, IResult?> unauthorized) => _unauthorized = unauthorized;

    public string SearchSite { get; set; } = "sc-domain:myhibachi.example";

    public ConcurrentQueue<SearchRowData> SearchRows { get; } = new();

    public ConcurrentDictionary<string, (string Verdict, string Coverage, string Fetch)> Inspections { get; } = new(StringComparer.Ordinal);

    public string AdsCustomerId { get; set; } = "1234567890";

    public ConcurrentQueue<AdsCampaignData> Campaigns { get; } = new();

    public ConcurrentQueue<AdsRowData> AdsRows { get; } = new();

    public ConcurrentQueue<AdsExperimentData> Experiments { get; } = new();

    public Dictionary<string, string> GeoNames { get; } = new(StringComparer.Ordinal)
    {
        ["geoTargetConstants/1015254"] = "Atlanta,Georgia,United States",
        ["geoTargetConstants/1015289"] = "Marietta,Georgia,United States",
    };

    public string AnalyticsProperty { get; set; } = "412345678";

    public ConcurrentQueue<AnalyticsRowData> AnalyticsRows { get; } = new();

    /// <summary>The GAQL queries received, in order (tests check what was asked).</summary>
    public ConcurrentQueue<string> Queries { get; } = new();

    internal void Map(WebApplication app)
    {
        app.MapPost("/webmasters/v3/sites/{siteUrl}/searchAnalytics/query", SearchAnalytics);
        app.MapPost("/v1/urlInspection/index:inspect", Inspect);
        app.MapPost("/{version}/customers/{customerId}/googleAds:searchStream", SearchStream);
        app.MapPost("/v1beta/properties/{propertyId}:runReport", RunReport);
    }

    private static IResult Json(JsonNode body, int status = 200) => Results.Content(body.ToJsonString(), "application/json; charset=UTF-8", statusCode: status);

    private static IResult Rpc(int code, string status, string message) => Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } }, code);

    // ---- Search Console ----

    private async Task<IResult> SearchAnalytics(HttpRequest request, string siteUrl)
    {
        if (_unauthorized(request) is { } refused)
        {
            return refused;
        }

        var site = Uri.UnescapeDataString(siteUrl);
        if (site != SearchSite)
        {
            var message = $"User does not have sufficient permission for site '{site}'.";
            return Json(new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = 403, ["message"] = message,
                    ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = "forbidden" }),
                },
            }, 403);
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
        var start = DateOnly.Parse(body["startDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(body["endDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var dimensions = body["dimensions"]?.AsArray().Select(d => d!.GetValue<string>().ToLowerInvariant()).ToList() ?? [];
        var rowLimit = body["rowLimit"]?.GetValue<int>() ?? 1000;
        var startRow = body["startRow"]?.GetValue<int>() ?? 0;
        if (rowLimit is < 1 or > 25_000)
        {
            return Json(JsonNode.Parse("""{"error":{"code":400,"message":"rowLimit must be between 1 and 25000.","errors":[{"message":"rowLimit must be between 1 and 25000.","domain":"global","reason":"invalidParameter"}]}}""")!, 400);
        }

        string Key(SearchRowData r, string dimension) => dimension switch
        {
            "date" => r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "query" => r.Query,
            "page" => r.Page,
            _ => "",
        };
        var groups = SearchRows.Where(r => r.Date >= start && r.Date <= end)
            .GroupBy(r => string.Join('\u0001', dimensions.Select(d => Key(r, d))))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var impressions = g.Sum(r => r.Impressions);
                var clicks = g.Sum(r => r.Clicks);
                return (JsonNode)new JsonObject
                {
                    ["keys"] = new JsonArray(g.First() is var first ? dimensions.Select(d => (JsonNode)JsonValue.Create(Key(first, d))!).ToArray() : []),
                    ["clicks"] = (double)clicks,
                    ["impressions"] = (double)impressions,
                    ["ctr"] = impressions == 0 ? 0 : (double)clicks / impressions,
                    ["position"] = impressions == 0 ? 0 : g.Sum(r => r.Position * r.Impressions) / impressions,
                };
            })
            .Skip(startRow).Take(rowLimit).ToArray();
        var answer = new JsonObject { ["responseAggregationType"] = "byProperty" };
        if (groups.Length > 0)
        {
            answer["rows"] = new JsonArray(groups);
        }

        return Json(answer);
    }

    private async Task<IResult> Inspect(HttpRequest request)
    {
        if (_unauthorized(request) is { } refused)
        {
            return refused;
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
        var url = body["inspectionUrl"]!.GetValue<string>();
        var site = body["siteUrl"]!.GetValue<string>();
        var root = site.StartsWith("sc-domain:", StringComparison.Ordinal) ? site[10..] : new Uri(site).Host;
        if (site != SearchSite || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.Host.EndsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            return Rpc(400, "INVALID_ARGUMENT", "URL is not part of the property.");
        }

        var (verdict, coverage, fetch) = Inspections.TryGetValue(uri.AbsolutePath, out var known) ? known : ("NEUTRAL", "URL is unknown to Google", "PAGE_FETCH_STATE_UNSPECIFIED");
        var status = new JsonObject
        {
            ["verdict"] = verdict, ["coverageState"] = coverage, ["robotsTxtState"] = "ALLOWED", ["indexingState"] = "INDEXING_ALLOWED", ["pageFetchState"] = fetch,
            ["crawledAs"] = "MOBILE",
        };
        if (verdict != "NEUTRAL" || fetch == "SUCCESSFUL")
        {
            status["lastCrawlTime"] = "2026-11-20T08:15:30Z";
        }

        return Json(new JsonObject
        {
            ["inspectionResult"] = new JsonObject { ["inspectionResultLink"] = "https://search.google.com/search-console/inspect?resource_id=x", ["indexStatusResult"] = status },
        });
    }

    // ---- Google Ads ----

    private static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<IResult> SearchStream(HttpRequest request, string version, string customerId)
    {
        if (_unauthorized(request) is { } refused)
        {
            return refused;
        }

        if (request.Headers.TryGetValue("login-customer-id", out var login) && !Regex.IsMatch(login.ToString(), "^[0-9]{10}$"))
        {
            return AdsError(403, "PERMISSION_DENIED", "authorizationError", "USER_PERMISSION_DENIED", "The login-customer-id must be the manager's 10 digits.");
        }

        if (customerId != AdsCustomerId || !Regex.IsMatch(version, "^v[0-9]{2}$"))
        {
            return AdsError(403, "PERMISSION_DENIED", "authorizationError", "USER_PERMISSION_DENIED", "User doesn't have permission to access customer.");
        }

        var query = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!["query"]!.GetValue<string>();
        Queries.Enqueue(query);
        var from = Regex.Match(query, @"\bFROM\s+(\w+)", RegexOptions.IgnoreCase).Groups[1].Value;
        var range = Regex.Match(query, @"segments\.date BETWEEN '(\d{4}-\d{2}-\d{2})' AND '(\d{4}-\d{2}-\d{2})'");
        var rows = AdsRows.ToList();
        if (range.Success)
        {
            var first = DateOnly.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var last = DateOnly.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            rows = rows.Where(r => r.Date >= first && r.Date <= last).ToList();
        }

        var campaigns = Campaigns.ToDictionary(c => c.Id);
        var results = new List<JsonNode>();
        switch (from)
        {
            case "campaign" when !range.Success:
                results.AddRange(Campaigns.Select(c => (JsonNode)new JsonObject
                {
                    ["campaign"] = new JsonObject { ["resourceName"] = $"customers/{customerId}/campaigns/{c.Id}", ["id"] = c.Id, ["name"] = c.Name, ["status"] = c.Status },
                    ["campaignBudget"] = new JsonObject
                    {
                        ["resourceName"] = $"customers/{customerId}/campaignBudgets/{c.BudgetId ?? "9" + c.Id}", ["id"] = c.BudgetId ?? "9" + c.Id, ["amountMicros"] = Int64(c.BudgetMicros),
                    },
                }));
                break;
            case "campaign" or "keyword_view" or "search_term_view" or "geographic_view":
                Func<AdsRowData, string> key = from switch
                {
                    "keyword_view" => r => r.Keyword + "|" + r.MatchType,
                    "search_term_view" => r => r.SearchTerm,
                    "geographic_view" => r => r.GeoTarget,
                    _ when query.Contains("segments.device", StringComparison.Ordinal) => r => r.Device,
                    _ when query.Contains("segments.hour", StringComparison.Ordinal) => r => r.Hour.ToString(CultureInfo.InvariantCulture),
                    _ => _ => "",
                };
                foreach (var g in rows.GroupBy(r => (r.Date, r.CampaignId, Key: key(r))).OrderBy(g => g.Key.Date))
                {
                    var sample = g.First();
                    var row = new JsonObject
                    {
                        ["campaign"] = campaigns.TryGetValue(g.Key.CampaignId, out var c)
                            ? new JsonObject { ["resourceName"] = $"customers/{customerId}/campaigns/{c.Id}", ["id"] = c.Id, ["name"] = c.Name }
                            : new JsonObject { ["id"] = g.Key.CampaignId },
                        ["segments"] = new JsonObject { ["date"] = g.Key.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                        ["metrics"] = Metrics(g.Sum(r => r.CostMicros), g.Sum(r => r.Clicks), g.Sum(r => r.Impressions), g.Sum(r => r.Conversions)),
                    };
                    var segments = row["segments"]!.AsObject();
                    if (from == "campaign" && query.Contains("segments.device", StringComparison.Ordinal))
                    {
                        segments["device"] = sample.Device;
                    }
                    else if (from == "campaign" && query.Contains("segments.hour", StringComparison.Ordinal) && sample.Hour != 0)
                    {
                        segments["hour"] = sample.Hour; // proto3: the default 0 is omitted
                    }
                    else if (from == "geographic_view")
                    {
                        segments["geoTargetCity"] = sample.GeoTarget;
                        row["geographicView"] = new JsonObject { ["resourceName"] = $"customers/{customerId}/geographicViews/2840~LOCATION_OF_PRESENCE", ["locationType"] = "LOCATION_OF_PRESENCE", ["countryCriterionId"] = "2840" };
                    }
                    else if (from == "keyword_view")
                    {
                        row["adGroupCriterion"] = new JsonObject { ["keyword"] = new JsonObject { ["text"] = sample.Keyword, ["matchType"] = sample.MatchType } };
                    }
                    else if (from == "search_term_view")
                    {
                        row["searchTermView"] = new JsonObject { ["searchTerm"] = sample.SearchTerm, ["status"] = "NONE" };
                    }

                    results.Add(row);
                }

                break;
            case "geo_target_constant":
                foreach (Match m in Regex.Matches(query, @"'(geoTargetConstants/\d+)'"))
                {
                    if (GeoNames.TryGetValue(m.Groups[1].Value, out var name))
                    {
                        results.Add(new JsonObject { ["geoTargetConstant"] = new JsonObject { ["resourceName"] = m.Groups[1].Value, ["canonicalName"] = name } });
                    }
                }

                break;
            case "experiment":
                results.AddRange(Experiments.Select(e => (JsonNode)new JsonObject
                {
                    ["experiment"] = new JsonObject
                    {
                        ["resourceName"] = $"customers/{customerId}/experiments/{e.Id}", ["experimentId"] = e.Id, ["name"] = e.Name, ["type"] = e.Type, ["status"] = e.Status,
                        ["startDate"] = e.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["endDate"] = e.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                }));
                break;
            case "experiment_arm":
                foreach (var e in Experiments)
                {
                    results.AddRange(e.Arms.Select((a, i) =>
                    {
                        var arm = new JsonObject
                        {
                            ["resourceName"] = $"customers/{customerId}/experimentArms/{e.Id}~{i + 1}", ["experiment"] = $"customers/{customerId}/experiments/{e.Id}",
                            ["name"] = a.Name, ["trafficSplit"] = Int64(a.Split), ["campaigns"] = new JsonArray((JsonNode)$"customers/{customerId}/campaigns/{a.CampaignId}"),
                        };
                        if (a.Control)
                        {
                            arm["control"] = true;
                        }

                        return (JsonNode)new JsonObject { ["experimentArm"] = arm };
                    }));
                }

                break;
            default:
                return AdsError(400, "INVALID_ARGUMENT", "queryError", "INVALID_RESOURCE_NAME", $"Unknown resource '{from}'.");
        }

        // searchStream: a JSON array of batches of at most 10,000 rows; the last one carries the request id.
        var batches = new JsonArray();
        foreach (var chunk in results.Chunk(10_000).DefaultIfEmpty([]))
        {
            batches.Add(new JsonObject { ["results"] = new JsonArray(chunk.Select(r => r.DeepClone()).ToArray()), ["fieldMask"] = "campaign.id,metrics.costMicros", ["requestId"] = Guid.NewGuid().ToString("N")[..22] });
        }

        return Json(batches);
    }

    private static JsonObject Metrics(long cost, long clicks, long impressions, double conversions)
    {
        var metrics = new JsonObject();
        if (cost != 0)
        {
            metrics["costMicros"] = Int64(cost);
        }

        if (clicks != 0)
        {
            metrics["clicks"] = Int64(clicks);
        }

        if (impressions != 0)
        {
            metrics["impressions"] = Int64(impressions);
        }

        if (conversions != 0)
        {
            metrics["conversions"] = conversions;
        }

        return metrics;
    }

    private static IResult AdsError(int code, string status, string kind, string value, string message) => Json(new JsonArray(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = code, ["message"] = "The caller does not have permission", ["status"] = status,
            ["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure",
                ["errors"] = new JsonArray(new JsonObject { ["errorCode"] = new JsonObject { [kind] = value }, ["message"] = message }),
                ["requestId"] = "req" + Guid.NewGuid().ToString("N")[..12],
            }),
        },
    }), code);

    /// <summary>429 RESOURCE_EXHAUSTED with a GoogleAdsFailure quota error and its retryDelay, as Google Ads sends it (wrapped in an array, as searchStream does).</summary>
    public static string AdsQuotaBody(string retryDelay = "1s") => new JsonArray(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = 429, ["message"] = "Resource has been exhausted (e.g. check quota).", ["status"] = "RESOURCE_EXHAUSTED",
            ["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure",
                ["errors"] = new JsonArray(new JsonObject
                {
                    ["errorCode"] = new JsonObject { ["quotaError"] = "RESOURCE_TEMPORARILY_EXHAUSTED" },
                    ["message"] = "Too many requests. Retry in 1 seconds.",
                    ["details"] = new JsonObject { ["quotaErrorDetails"] = new JsonObject { ["rateScope"] = "ACCOUNT", ["rateName"] = "Requests per service per method", ["retryDelay"] = retryDelay } },
                }),
                ["requestId"] = "req429",
            }),
        },
    }).ToJsonString();

    /// <summary>500 INTERNAL with a GoogleAdsFailure TRANSIENT_ERROR.</summary>
    public static string AdsInternalBody() => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = 500, ["message"] = "Internal error encountered.", ["status"] = "INTERNAL",
            ["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.ads.googleads.v25.errors.GoogleAdsFailure",
                ["errors"] = new JsonArray(new JsonObject { ["errorCode"] = new JsonObject { ["internalError"] = "TRANSIENT_ERROR" }, ["message"] = "An internal error has occurred." }),
            }),
        },
    }.ToJsonString();

    // ---- GA4 ----

    private static readonly HashSet<string> KnownMetrics = ["sessions", "totalUsers", "keyEvents", "screenPageViews", "eventCount"];

    private async Task<IResult> RunReport(HttpRequest request, string propertyId)
    {
        if (_unauthorized(request) is { } refused)
        {
            return refused;
        }

        if (propertyId != AnalyticsProperty)
        {
            return Rpc(403, "PERMISSION_DENIED", "User does not have sufficient permissions for this property.");
        }

        var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
        var dimensions = body["dimensions"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ToList();
        var metrics = body["metrics"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ToList();
        if (metrics.FirstOrDefault(m => !KnownMetrics.Contains(m)) is { } unknown)
        {
            return Rpc(400, "INVALID_ARGUMENT", $"Field {unknown} is not a valid metric. For a list of valid dimensions and metrics, see https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema");
        }

        var range = body["dateRanges"]![0]!;
        var start = DateOnly.Parse(range["startDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(range["endDate"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var limit = body["limit"]?.GetValue<int>() ?? 10_000;
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        string Dimension(AnalyticsRowData r, string name) => name switch
        {
            "date" => r.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            "sessionDefaultChannelGroup" => r.Channel,
            "pagePath" => r.PagePath,
            _ => "(not set)",
        };
        double Metric(IEnumerable<AnalyticsRowData> rows, string name) => name switch
        {
            "sessions" => rows.Sum(r => r.Sessions),
            "totalUsers" => rows.Sum(r => r.Users),
            "keyEvents" => rows.Sum(r => r.KeyEvents),
            _ => 0,
        };
        var groups = AnalyticsRows.Where(r => r.Date >= start && r.Date <= end)
            .GroupBy(r => string.Join('\u0001', dimensions.Select(d => Dimension(r, d)))).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var rows = groups.Skip(offset).Take(limit).Select(g => (JsonNode)new JsonObject
        {
            ["dimensionValues"] = new JsonArray(dimensions.Select(d => (JsonNode)new JsonObject { ["value"] = Dimension(g.First(), d) }).ToArray()),
            ["metricValues"] = new JsonArray(metrics.Select(m => (JsonNode)new JsonObject { ["value"] = Metric(g, m).ToString(CultureInfo.InvariantCulture) }).ToArray()),
        }).ToArray();
        var answer = new JsonObject
        {
            ["dimensionHeaders"] = new JsonArray(dimensions.Select(d => (JsonNode)new JsonObject { ["name"] = d }).ToArray()),
            ["metricHeaders"] = new JsonArray(metrics.Select(m => (JsonNode)new JsonObject { ["name"] = m, ["type"] = m == "keyEvents" ? "TYPE_FLOAT" : "TYPE_INTEGER" }).ToArray()),
            ["metadata"] = new JsonObject { ["currencyCode"] = "USD", ["timeZone"] = "America/New_York" },
            ["kind"] = "analyticsData#runReport",
        };
        if (rows.Length > 0)
        {
            answer["rows"] = new JsonArray(rows);
        }

        if (groups.Count > 0)
        {
            answer["rowCount"] = groups.Count;
        }

        return Json(answer);
    }
}
