using System;
using System.Collections.Generic;
using System.Linq;
using KonbiniApi.Errors;
using Xunit;

namespace KonbiniApi.Tests;

public class ApiErrorCatalogTests
{
    // Every (status, code) pair the service documents, with what the module must make of it.
    public static TheoryData<int, string, ApiErrorKind, string, bool, bool> DocumentedPairs => new()
    {
        { 400, "validation_error", ApiErrorKind.ValidationError, "KonbiniApi.ValidationError", false, false },
        { 401, "missing_api_key", ApiErrorKind.MissingApiKey, "KonbiniApi.MissingApiKey", false, true },
        { 401, "invalid_api_key", ApiErrorKind.InvalidApiKey, "KonbiniApi.InvalidApiKey", false, true },
        { 402, "credits_exhausted", ApiErrorKind.CreditsExhausted, "KonbiniApi.CreditsExhausted", false, true },
        { 403, "api_key_disabled", ApiErrorKind.ApiKeyDisabled, "KonbiniApi.ApiKeyDisabled", false, true },
        { 403, "api_key_expired", ApiErrorKind.ApiKeyExpired, "KonbiniApi.ApiKeyExpired", false, true },
        { 404, "not_found", ApiErrorKind.NotFound, "KonbiniApi.NotFound", false, false },
        { 404, "route_not_found", ApiErrorKind.RouteNotFound, "KonbiniApi.RouteNotFound", false, true },
        { 413, "validation_error", ApiErrorKind.RequestTooLarge, "KonbiniApi.RequestTooLarge", false, false },
        { 500, "internal_error", ApiErrorKind.InternalError, "KonbiniApi.InternalError", true, false },
        { 502, "platform_error", ApiErrorKind.PlatformError, "KonbiniApi.PlatformError", true, false },
        { 503, "service_unavailable", ApiErrorKind.ServiceUnavailable, "KonbiniApi.ServiceUnavailable", true, false },
        { 504, "platform_error", ApiErrorKind.PlatformError, "KonbiniApi.PlatformError", true, false },
    };

    [Theory]
    [MemberData(nameof(DocumentedPairs))]
    public void Documented_pair_maps_to_kind_id_and_flags(int status, string code, ApiErrorKind kind, string errorId, bool transient, bool affectsEvery)
    {
        var actual = ApiErrorCatalog.Classify(status, code);

        Assert.Equal(kind, actual);
        Assert.Equal(errorId, ApiErrorCatalog.ErrorId(actual));
        Assert.Equal(transient, ApiErrorCatalog.IsTransient(actual));
        Assert.Equal(affectsEvery, ApiErrorCatalog.AffectsEveryRequest(actual));

        var exception = new KonbiniApiException(actual, "m", status, code);
        Assert.Equal(errorId, exception.ErrorId);
        Assert.Equal(transient, exception.IsTransient);
        Assert.Equal(affectsEvery, exception.AffectsEveryRequest);
        Assert.False(string.IsNullOrWhiteSpace(exception.RecommendedAction));
    }

    [Theory]
    [InlineData(400, ApiErrorKind.ValidationError)]
    [InlineData(401, ApiErrorKind.InvalidApiKey)]
    [InlineData(402, ApiErrorKind.CreditsExhausted)]
    [InlineData(403, ApiErrorKind.ApiKeyDisabled)]
    [InlineData(404, ApiErrorKind.RouteNotFound)]
    [InlineData(413, ApiErrorKind.RequestTooLarge)]
    [InlineData(500, ApiErrorKind.InternalError)]
    [InlineData(502, ApiErrorKind.PlatformError)]
    [InlineData(503, ApiErrorKind.ServiceUnavailable)]
    [InlineData(504, ApiErrorKind.PlatformError)]
    [InlineData(418, ApiErrorKind.Unknown)]
    [InlineData(599, ApiErrorKind.Unknown)]
    public void Unknown_or_absent_code_falls_back_on_status(int status, ApiErrorKind expected)
    {
        Assert.Equal(expected, ApiErrorCatalog.Classify(status, "brand_new_code_2031"));
        Assert.Equal(expected, ApiErrorCatalog.Classify(status, null));
        Assert.Equal(expected, ApiErrorCatalog.Classify(status, string.Empty));
    }

    [Fact]
    public void Codes_are_matched_exactly_not_case_insensitively()
    {
        // An unfamiliar spelling is an unknown code, so the status decides.
        Assert.Equal(ApiErrorKind.RouteNotFound, ApiErrorCatalog.Classify(404, "NOT_FOUND"));
    }

    [Fact]
    public void Html_502_without_code_is_a_transient_platform_error()
    {
        var kind = ApiErrorCatalog.Classify(502, null);

        Assert.Equal(ApiErrorKind.PlatformError, kind);
        Assert.True(ApiErrorCatalog.IsTransient(kind));
        Assert.False(ApiErrorCatalog.AffectsEveryRequest(kind));
    }

    [Fact]
    public void Unknown_kind_has_a_readable_error_id()
    {
        Assert.Equal("KonbiniApi.UnexpectedResponse", ApiErrorCatalog.ErrorId(ApiErrorKind.Unknown));
    }

    [Fact]
    public void Every_kind_has_a_distinct_error_id_and_its_own_advice()
    {
        var kinds = Enum.GetValues<ApiErrorKind>();
        var ids = kinds.Select(ApiErrorCatalog.ErrorId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("KonbiniApi.", id, StringComparison.Ordinal));

        var generic = ApiErrorCatalog.RecommendedAction(ApiErrorKind.Unknown);
        foreach (var kind in kinds.Where(k => k != ApiErrorKind.Unknown))
        {
            Assert.NotEqual(generic, ApiErrorCatalog.RecommendedAction(kind));
        }
    }

    [Fact]
    public void Only_refunded_server_and_network_failures_are_transient()
    {
        var transient = new HashSet<ApiErrorKind>
        {
            ApiErrorKind.InternalError, ApiErrorKind.PlatformError, ApiErrorKind.ServiceUnavailable, ApiErrorKind.NetworkError,
        };

        foreach (var kind in Enum.GetValues<ApiErrorKind>())
        {
            Assert.True(transient.Contains(kind) == ApiErrorCatalog.IsTransient(kind), kind.ToString());
        }
    }

    [Theory]
    [InlineData(ApiErrorKind.CreditLimitReached, true)]
    [InlineData(ApiErrorKind.InsecureTransport, true)]
    [InlineData(ApiErrorKind.Timeout, false)]
    [InlineData(ApiErrorKind.InvalidInput, false)]
    [InlineData(ApiErrorKind.InvalidResponse, false)]
    [InlineData(ApiErrorKind.ResponseTooLarge, false)]
    [InlineData(ApiErrorKind.NetworkError, false)]
    public void Local_kinds_affect_every_request_only_when_the_call_cannot_go_on(ApiErrorKind kind, bool expected)
    {
        Assert.Equal(expected, ApiErrorCatalog.AffectsEveryRequest(kind));
    }
}
