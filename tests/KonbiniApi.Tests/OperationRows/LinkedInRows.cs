namespace KonbiniApi.Tests;

/// <summary>LinkedIn's rows of the operation table: inputs as people paste them, and the path each must give.</summary>
internal static partial class OperationRows
{
    public static readonly (string Operation, string[] Values, string Path)[] LinkedIn =
    [
        ("linkedinGetUser", ["https://www.linkedin.com/in/ReidHoffman/?originalSubdomain=uk"], "/v1/linkedin/users/ReidHoffman"),
        ("linkedinGetUserArticles", ["reidhoffman"], "/v1/linkedin/users/reidhoffman/articles"),
        ("linkedinGetUserPosts", ["de.linkedin.com/in/jürgen-müller-42"], "/v1/linkedin/users/j%C3%BCrgen-m%C3%BCller-42/posts"),
        ("linkedinGetCompany", ["https://www.linkedin.com/company/stripe/about/"], "/v1/linkedin/companies/stripe"),
        ("linkedinGetCompanyPosts", ["2135371"], "/v1/linkedin/companies/2135371/posts"),
        ("linkedinGetPost", ["https://www.linkedin.com/posts/stripe_new-providers-on-stripe-projects-are-available-activity-7483253516766109696-xCr3?utm_source=share"], "/v1/linkedin/posts/7483253516766109696"),
        ("linkedinGetPostTranscript", ["https://www.linkedin.com/feed/update/urn:li:activity:7483258151840993280/"], "/v1/linkedin/posts/7483258151840993280/transcript"),
    ];
}
