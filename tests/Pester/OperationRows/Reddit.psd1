# Reddit's rows of the list table (Operations.Tests.ps1); see TikTok.psd1 for what each member means. Reddit
# names take '_' (never '.'), so users and subreddits name emulator scenarios in the underscore style; IDs
# in the id style; search texts are free text. Feeds take a fixed name, so Reddit.Operations.Tests.ps1 tests them.
@{
    Rows = @(
        @{ Cmdlet = 'Get-KonbiniRedditPost'; Parameter = 'Username'; Style = 'underscore'; Max = 100; Type = 'RedditPost' }
        @{ Cmdlet = 'Get-KonbiniRedditPost'; Parameter = 'Subreddit'; Style = 'underscore'; Max = 100; Type = 'RedditPost' }
        @{ Cmdlet = 'Get-KonbiniRedditPost'; Parameter = 'PostId'; Style = 'id'; Max = 100; Type = 'RedditPost'; Extra = @{ Duplicates = $true } }
        @{ Cmdlet = 'Get-KonbiniRedditComment'; Parameter = 'PostId'; Style = 'id'; Max = 100; Type = 'RedditComment' }
        # Replies: -CommentId with -Replies on a fixed post; an empty -CommentId means the post's own comments.
        @{ Cmdlet = 'Get-KonbiniRedditComment'; Parameter = 'CommentId'; Style = 'id'; Max = 100; Type = 'RedditComment'; Extra = @{ PostId = '1tlh5aj'; Replies = $true }; EmptyAllowed = $true }
        @{ Cmdlet = 'Get-KonbiniRedditComment'; Parameter = 'Username'; Style = 'underscore'; Max = 100; Type = 'RedditComment' }
        @{ Cmdlet = 'Get-KonbiniRedditComment'; Parameter = 'Subreddit'; Style = 'underscore'; Max = 100; Type = 'RedditComment' }
        @{ Cmdlet = 'Get-KonbiniRedditActivity'; Parameter = 'Username'; Style = 'underscore'; Max = 100; Type = '*' }
        @{ Cmdlet = 'Search-KonbiniRedditPost'; Parameter = 'Query'; Style = 'dot'; Max = 100; Type = 'RedditPost'; FreeText = $true }
        @{ Cmdlet = 'Search-KonbiniRedditPost'; Parameter = 'Query'; Style = 'dot'; Max = 100; Type = 'RedditPost'; FreeText = $true; Extra = @{ Subreddit = 'programming' } }
        @{ Cmdlet = 'Search-KonbiniRedditUser'; Parameter = 'Query'; Style = 'dot'; Max = 100; Type = 'RedditUser'; FreeText = $true }
        @{ Cmdlet = 'Search-KonbiniRedditSubreddit'; Parameter = 'Query'; Style = 'dot'; Max = 100; Type = 'RedditSubreddit'; FreeText = $true }
    )
}
