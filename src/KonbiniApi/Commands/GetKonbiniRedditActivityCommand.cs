using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets what Reddit users posted and commented, together, as their profile shows it.</para>
/// <para type="description">Reads each user's overview: posts (KonbiniApi.Models.RedditPost) and comments (KonbiniApi.Models.RedditComment) mixed in one list, each written as its own type; one table view shows both. One page per user by default (one credit), -First N, -All. -Order New (the default), Hot, Top or Controversial; -Time with Top and Controversial.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniRedditActivity", SupportsPaging = true)]
[OutputType(typeof(RedditPost), typeof(RedditComment), typeof(PSObject))]
public sealed class GetKonbiniRedditActivityCommand : RedditUsernameListCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Listing Reddit activity";

    /// <inheritdoc />
    protected override ApiOperation Operation => RedditOperations.UserOverview;

    /// <inheritdoc />
    protected override string ListName => "a user's activity";

    /// <summary>Posts and comments share one table view (KonbiniApi.Models.RedditActivity), so the mixed list reads as one table.</summary>
    protected override object Present(object model)
    {
        var tagged = PSObject.AsPSObject(model);
        tagged.TypeNames.Insert(0, "KonbiniApi.Models.RedditActivity");
        return tagged;
    }
}
